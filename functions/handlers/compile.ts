import type { Context } from 'aws-lambda';
import { type DeliverySummary, deliverAfterCompile } from '../delivery/after-compile';
import type { DeliverStep } from '../delivery/deliver';
import { editionOf, isEdition } from '../model/edition';
import { ConfigError } from '../model/errors';
import { type CompileOutcome, compile } from '../pipeline/compile';
import { draftBuilt, pendingDraft } from '../pipeline/draft-marker';
import type { PipelineDeps } from '../pipeline/pipeline-deps';
import { configFromEnv, deliverySettingsFromEnv, storeSettingsFromEnv } from '../setup/config';
import { logger, withLogKeys } from '../setup/log';
import { makePipelineDeps } from '../setup/make-pipeline-deps';
import { makeBucketStore } from '../setup/make-store';
import { deliveryOnDemand, renderersOnDemand } from '../setup/on-demand';

/**
 * What starts a compile: a manual invoke (`{"edition":"2026-11-22"}`, optionally `"force":true`),
 * the daily schedule (`{"schedule":"daily","time":"<scheduled time>"}` from EventBridge
 * Scheduler, or an EventBridge "Scheduled Event"), or the draft schedule
 * (`{"schedule":"draft"}`: rebuild the current edition only if articles arrived since).
 */
export interface CompileEvent {
  edition?: string;
  force?: boolean;
  schedule?: 'daily' | 'draft';
  time?: string;
  'detail-type'?: string;
  /** Manual invoke: e-mail the brief too (the daily build always does, once per list). */
  deliver?: boolean;
  /** E-mail lists that already received this edition again. */
  resend?: boolean;
}

const dayMs = 24 * 60 * 60 * 1000;

/**
 * The edition an event asks for. The morning schedule compiles the day that has just ended
 * (what came in since yesterday's brief); a manual invoke without an edition compiles today.
 */
export function editionOfEvent(event: CompileEvent, now: Date, timeZone: string): string {
  if (event.edition) return event.edition;
  const daily = event.schedule === 'daily' || event['detail-type'] === 'Scheduled Event';
  if (daily && event.time) {
    return editionOf(new Date(Date.parse(event.time) - dayMs), timeZone);
  }
  return editionOf(now, timeZone);
}

export interface CompileSummary {
  /** `skipped`: a draft tick found no new articles and read nothing else (counts are 0). */
  status: CompileOutcome['status'] | 'skipped';
  /** What started it: delivery, say, belongs to the daily build, not to drafts. */
  trigger: 'manual' | 'daily' | 'draft';
  edition: string;
  articles: number;
  rejected: number;
  keys: string[];
  /** Who was e-mailed (see functions/delivery), when the trigger delivers. */
  delivery?: DeliverySummary;
}

/**
 * `prepare` runs once a compile is going to build (not for a draft tick that skips): the Lambda
 * entry point loads the renderers there.
 */
export const makeCompileHandler =
  (deps: PipelineDeps, deliver?: DeliverStep, prepare?: () => Promise<void>) =>
  async (event: CompileEvent = {}, context?: Context): Promise<CompileSummary> => {
    if (context) logger.addContext(context);
    const edition = editionOfEvent(event, deps.clock(), deps.settings.timeZone);
    if (!isEdition(edition))
      throw new ConfigError(`edition "${edition}" is not a date; use YYYY-MM-DD`);
    const trigger = triggerOf(event);
    return withLogKeys({ edition, trigger }, async () => {
      const marker = trigger === 'draft' ? await pendingDraft(deps.store, edition) : null;
      if (trigger === 'draft' && marker === null) {
        const summary: CompileSummary = {
          status: 'skipped',
          trigger,
          edition,
          articles: 0,
          rejected: 0,
          keys: [],
        };
        logger.debug('compile skipped: no new articles since the last draft', { ...summary });
        return summary;
      }
      let outcome: CompileOutcome;
      try {
        await prepare?.();
        outcome = await compile(deps, edition, { force: event.force === true });
      } catch (error) {
        logger.error('compile failed; Lambda will retry, then the failure queue keeps the event', {
          error: error as Error,
        });
        throw error;
      }
      if (marker !== null) await draftBuilt(deps.store, edition, marker);
      const summary: CompileSummary = {
        status: outcome.status,
        trigger,
        edition,
        articles: outcome.model.articles.length,
        rejected: outcome.model.rejected.length,
        keys: outcome.keys,
      };
      logger.info(`compile ${outcome.status}`, { ...summary });
      const delivery = await deliverAfterCompile(deliver, outcome.model, {
        trigger,
        deliver: event.deliver,
        resend: event.resend,
      });
      return delivery ? { ...summary, delivery } : summary;
    });
  };

function triggerOf(event: CompileEvent): CompileSummary['trigger'] {
  if (event.schedule === 'draft') return 'draft';
  if (event.schedule === 'daily' || event['detail-type'] === 'Scheduled Event') return 'daily';
  return 'manual';
}

let cached: ReturnType<typeof makeCompileHandler> | undefined;

/**
 * Lambda entry point; the store and data files are set up once per cold start, the renderers
 * (templates, fonts) when a compile first builds, delivery's clients when it first delivers.
 */
export const handler = (event: CompileEvent, context?: Context) => {
  if (!cached) {
    const config = configFromEnv();
    const delivery = deliverySettingsFromEnv();
    const { renderers, load } = renderersOnDemand(config);
    const deps = makePipelineDeps(config, makeBucketStore(storeSettingsFromEnv()), renderers);
    cached = makeCompileHandler(deps, deliveryOnDemand(delivery, deps), load);
  }
  return cached(event, context);
};
