import { parseUpload } from '../article/parse-upload';
import type { ReadDocument } from '../article/read-document';
import { ArticleRejectedError } from '../model/errors';
import type { ArticleRecord } from '../model/types';
import type { ReferenceData } from '../reference/reference-data';
import type { PipelineDeps, PipelineSettings } from './pipeline-deps';
import { recordArticle } from './record-article';

/** One upload's bytes to read, and what it is filed under. */
export interface UploadToRead {
  key: string;
  edition: string;
  receivedAt: Date;
  /** Milliseconds the upload already took before it was read (fetching it); count against its budget. */
  spentMs?: number;
}

/**
 * The pure stages of ingest, parse then analyse: bytes in, the article record out (without
 * its `upload` version), or `ArticleRejectedError` with the reason. Runs in this thread
 * (`readArticle`) or in a worker of a pool (functions/setup/article-pool.ts); the pipeline
 * takes either (`PipelineDeps.readArticle`).
 */
export type ReadArticle = (bytes: Uint8Array, upload: UploadToRead) => Promise<ArticleRecord>;

/** Seconds an upload may take to read and analyse unless the settings say otherwise. */
export const defaultIngestSeconds = 20;

/**
 * Reads one upload in this thread: parse, analyse, each stage within the upload's time budget.
 * PDF, Word and e-mail uploads need `readDocument` (see `ParseContext.readDocument`).
 */
export async function readArticle(
  bytes: Uint8Array,
  upload: UploadToRead,
  reference: ReferenceData,
  settings: Pick<PipelineSettings, 'minWords' | 'ingestSeconds'>,
  readDocument?: ReadDocument,
): Promise<ArticleRecord> {
  const { key } = upload;
  const checkpoint = timeBudget(
    key,
    settings.ingestSeconds ?? defaultIngestSeconds,
    upload.spentMs ?? 0,
  );
  const parsed = await asRejection(key, () =>
    parseUpload(bytes, {
      key,
      edition: upload.edition,
      receivedAt: upload.receivedAt,
      reference,
      minWords: settings.minWords,
      checkpoint,
      readDocument,
    }),
  );
  const record = await asRejection(key, async () => recordArticle(parsed, reference));
  checkpoint('analysing the text');
  return record;
}

/** `readArticle` in this thread with the deps' reference, settings and document readers. */
export function readInThread(
  deps: Pick<PipelineDeps, 'reference' | 'settings' | 'readDocument'>,
): ReadArticle {
  return (bytes, upload) =>
    readArticle(bytes, upload, deps.reference, deps.settings, deps.readDocument);
}

/**
 * A checkpoint between the stages of reading an upload: throws `ArticleRejectedError` once the
 * upload has taken longer than `seconds` (counting `spentMs` already spent), naming the stage
 * it had just finished.
 */
function timeBudget(key: string, seconds: number, spentMs: number): (stage: string) => void {
  const start = performance.now() - spentMs;
  return (stage) => {
    const elapsed = (performance.now() - start) / 1000;
    if (elapsed > seconds)
      throw new ReadTimeoutError(
        `${key}: the file took too long to read (${elapsed.toFixed(1)} s by the end of ${stage}; the limit is ${seconds} s); upload the article's text alone`,
      );
  };
}

/** A rejection caused by an error of ours while reading a file (see `asRejection`). */
export class InternalReadError extends ArticleRejectedError {}

/** A rejection because the reading ran past its time (`timeBudget`): another try may pass. */
export class ReadTimeoutError extends ArticleRejectedError {}

/**
 * What a rejection says of the file, as it crosses a thread: `file`, the same bytes read the
 * same way are rejected again (a lasting verdict); `internal`, an error of ours; `time`, the
 * reading ran out of time.
 */
export type RejectionKind = 'file' | 'internal' | 'time';

export function rejectionKind(error: ArticleRejectedError): RejectionKind {
  if (error instanceof InternalReadError) return 'internal';
  return error instanceof ReadTimeoutError ? 'time' : 'file';
}

/** The rejection `rejectionKind` described, made again (in the thread that asked for the read). */
export function rejectionOfKind(message: string, kind: RejectionKind): ArticleRejectedError {
  if (kind === 'internal') return new InternalReadError(message);
  return kind === 'time' ? new ReadTimeoutError(message) : new ArticleRejectedError(message);
}

/** The rejection for an error of ours while reading a file, with the error named. */
export function internalReadError(key: string, error: unknown): InternalReadError {
  const what =
    error instanceof Error
      ? `${error.name}: ${error.message.split('\n')[0]?.slice(0, 200)}`
      : String(error);
  return new InternalReadError(
    `${key}: the file could not be read (${what}); upload the article's text instead`,
    { cause: error },
  );
}

/**
 * Runs a stage that reads the file and touches no store (parse, analyse): any error it throws
 * is about this file, so one that is not already a rejection (a bug of ours on a strange
 * file: a stack overflow, a library's crash) becomes one too, with the error named, rather
 * than a retry that would fail the same way.
 */
async function asRejection<T>(key: string, stage: () => Promise<T>): Promise<T> {
  try {
    return await stage();
  } catch (error) {
    if (error instanceof ArticleRejectedError) throw error;
    throw internalReadError(key, error);
  }
}
