import type { Context } from 'aws-lambda';
import { editionOf } from '../model/edition';
import type { Renderers } from '../model/types';
import { markEditionChanged } from '../pipeline/draft-marker';
import { type IngestOutcome, ingest } from '../pipeline/ingest';
import type { PipelineDeps } from '../pipeline/pipeline-deps';
import { configFromEnv, storeSettingsFromEnv } from '../setup/config';
import { logger, withLogKeys } from '../setup/log';
import { makePipelineDeps } from '../setup/make-pipeline-deps';
import { makeBucketStore } from '../setup/make-store';

/** The part of an S3 notification the handler reads (AWS and S3-compatible servers alike). */
export interface S3Event {
  Records: {
    eventTime?: string;
    s3: {
      object: { key: string; versionId?: string | null; eTag?: string; sequencer?: string };
    };
  }[];
}

/** S3 event keys are URL-encoded with '+' for spaces. */
export function decodeS3Key(key: string): string {
  return decodeURIComponent(key.replace(/\+/g, ' '));
}

/**
 * Ingests every object of an S3 `ObjectCreated` event. An upload that changed an edition (a
 * new article, a rejection) refreshes that edition's draft marker, so the draft schedule
 * rebuilds it. Store errors propagate so Lambda retries, then the failure queue keeps the event.
 */
export const makeIngestHandler =
  (deps: PipelineDeps) =>
  async (event: S3Event, context?: Context): Promise<IngestOutcome[]> => {
    if (context) logger.addContext(context);
    const outcomes: IngestOutcome[] = [];
    for (const record of event.Records ?? []) {
      const key = decodeS3Key(record.s3.object.key);
      const receivedAt = record.eventTime ? new Date(record.eventTime) : deps.clock();
      const edition = editionOf(receivedAt, deps.settings.timeZone);
      const outcome = await withLogKeys({ key, edition }, async (addKeys) => {
        try {
          const { versionId, eTag, sequencer } = record.s3.object;
          // The version this event names: a late or repeated event records what it names.
          const version = {
            ...(versionId ? { versionId } : {}),
            ...(eTag ? { etag: eTag } : {}),
            ...(sequencer ? { sequencer } : {}),
          };
          const outcome = await ingest(deps, key, { receivedAt, version });
          if ('id' in outcome) addKeys({ articleId: outcome.id });
          if ('edition' in outcome) addKeys({ edition: outcome.edition });
          if (outcome.status !== 'skipped')
            await markEditionChanged(deps.store, outcome.edition, key, receivedAt);
          const { status, ...fields } = outcome;
          const internal = status === 'rejected' && outcome.internal === true;
          const level = internal
            ? 'error'
            : status === 'rejected' || status === 'skipped'
              ? 'warn'
              : 'info';
          logger[level](`ingest ${status}`, { status, ...fields });
          return outcome;
        } catch (error) {
          logger.error('ingest failed; Lambda will retry, then the failure queue keeps the event', {
            error: error as Error,
          });
          throw error;
        }
      });
      outcomes.push(outcome);
    }
    return outcomes;
  };

/**
 * Ingest writes records, never a brief: its package leaves out the renderers, templates and
 * fonts (README "Deployment package"), and these say so should that ever change.
 */
const noRenderers: Renderers = {
  html: () => {
    throw new Error('the ingest function does not render briefs');
  },
  pdf: () => Promise.reject(new Error('the ingest function does not render briefs')),
};

let cached: ReturnType<typeof makeIngestHandler> | undefined;

/** Lambda entry point; the store and data files are set up once per cold start. */
export const handler = (event: S3Event, context?: Context) => {
  cached ??= makeIngestHandler(
    makePipelineDeps(configFromEnv(), makeBucketStore(storeSettingsFromEnv()), noRenderers),
  );
  return cached(event, context);
};
