import { type CompileOutcome, compile } from './core/compile';
import { editionOf, isEdition } from './core/edition';
import { ConfigError } from './core/errors';
import type { PipelineDeps } from './core/pipeline-deps';
import { configFromEnv } from './runtime/config';
import { log } from './runtime/log';
import { makeDeps } from './runtime/make-deps';
import { storeFromEnv } from './runtime/store-from-env';

/**
 * What starts a compile: a manual invoke (`{"edition":"2026-11-22"}`, optionally `"force":true`)
 * or the daily schedule (an EventBridge event, whose `time` gives the edition).
 */
export interface CompileEvent {
  edition?: string;
  force?: boolean;
  time?: string;
}

export interface CompileSummary {
  status: CompileOutcome['status'];
  edition: string;
  articles: number;
  rejected: number;
  keys: string[];
}

export const makeCompileHandler =
  (deps: PipelineDeps) =>
  async (event: CompileEvent = {}): Promise<CompileSummary> => {
    const edition =
      event.edition ??
      editionOf(event.time ? new Date(event.time) : deps.clock(), deps.settings.timeZone);
    if (!isEdition(edition))
      throw new ConfigError(`edition "${edition}" is not a date; use YYYY-MM-DD`);
    const outcome = await compile(deps, edition, { force: event.force === true });
    const summary = {
      status: outcome.status,
      edition,
      articles: outcome.model.articles.length,
      rejected: outcome.model.rejected.length,
      keys: outcome.keys,
    };
    log('info', `compile ${outcome.status}`, { ...summary });
    return summary;
  };

let cached: ReturnType<typeof makeCompileHandler> | undefined;

/** Lambda entry point; the store, data files, templates and fonts are set up once per cold start. */
export const handler = (event: CompileEvent) => {
  cached ??= makeCompileHandler(makeDeps(configFromEnv(), storeFromEnv()));
  return cached(event);
};
