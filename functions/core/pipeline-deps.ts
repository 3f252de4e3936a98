import type { BriefOptions } from '../brief/brief-options';
import type { ReferenceData } from '../reference/reference-data';
import type { Store } from '../store/store';
import type { BriefModel } from './types';

export interface PipelineSettings {
  /** Uploads larger than this are rejected without being read. */
  maxBytes: number;
  /** Bodies with fewer words are "too short to be an article". */
  minWords: number;
  /** IANA time zone in which an edition's day is counted. */
  timeZone: string;
  brief: BriefOptions;
}

export interface Renderers {
  html(model: BriefModel): string;
  pdf(model: BriefModel): Promise<Uint8Array>;
}

/** Everything the pipeline needs from outside, handed in so tests, the CLI and Lambda share it. */
export interface PipelineDeps {
  store: Store;
  reference: ReferenceData;
  renderers: Renderers;
  clock: () => Date;
  settings: PipelineSettings;
}
