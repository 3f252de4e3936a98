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
 * or the daily schedule (an EventBridge "Scheduled Event", whose `time` gives the day).
 */
export interface CompileEvent {
  edition?: string;
  force?: boolean;
  time?: string;
  'detail-type'?: string;
}

const dayMs = 24 * 60 * 60 * 1000;

/**
 * The edition an event asks for. The morning schedule compiles the day that has just ended
 * (what came in since yesterday's brief); a manual invoke without an edition compiles today.
 */
export function editionOfEvent(event: CompileEvent, now: Date, timeZone: string): string {
  if (event.edition) return event.edition;
  if (event['detail-type'] === 'Scheduled Event' && event.time) {
    return editionOf(new Date(Date.parse(event.time) - dayMs), timeZone);
  }
  return editionOf(now, timeZone);
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
    const edition = editionOfEvent(event, deps.clock(), deps.settings.timeZone);
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
