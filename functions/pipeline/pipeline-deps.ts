import type { ReadDocument } from '../article/read-document';
import type { BriefOptions } from '../brief/brief-options';
import type { Renderers } from '../model/types';
import type { ReferenceData } from '../reference/reference-data';
import type { Store } from '../store/store';
import type { ReadArticle } from './read-article';

export interface PipelineSettings {
  /** Uploads larger than this are rejected without being read. */
  maxBytes: number;
  /** Bodies with fewer words are "too short to be an article". */
  minWords: number;
  /**
   * Seconds one upload may take to read and analyse, checked between stages; past it the upload
   * is rejected ("took too long") rather than left to time out. 20 when absent.
   */
  ingestSeconds?: number;
  /** IANA time zone in which an edition's day is counted. */
  timeZone: string;
  brief: BriefOptions;
}

/** Everything the pipeline needs from outside, handed in so tests, the CLI and Lambda share it. */
export interface PipelineDeps {
  store: Store;
  reference: ReferenceData;
  renderers: Renderers;
  clock: () => Date;
  settings: PipelineSettings;
  /**
   * Where the pipeline reports what it skipped and why (a record it could not read): the
   * handlers' logger in Lambda, stderr in the CLI; nothing when absent.
   */
  warn?: (message: string, fields: Record<string, unknown>) => void;
  /**
   * How ingest turns an upload's bytes into its record (parse, analyse): `readArticle` in this
   * thread when absent; the CLI and `npm run dev` hand in a worker pool's.
   */
  readArticle?: ReadArticle;
  /**
   * How PDF, Word and e-mail uploads are read (`readDocument`): every local run and the
   * documents function have it; the ingest function has not (its package leaves the readers
   * out) and hands those uploads to the documents function (handlers/ingest.ts).
   */
  readDocument?: ReadDocument;
  /**
   * Stamped on the article records ingest writes (`ArticleRecord.readWith`): what read them.
   * A record of the same upload stamped otherwise is rewritten with the new reading, so a
   * changed actor file or update never leaves an edition's records read the old way.
   */
  readWith?: string;
}
