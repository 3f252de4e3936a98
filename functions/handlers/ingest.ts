import type { Context } from 'aws-lambda';
import { isDocumentKey } from '../article/formats';
import { editionOf } from '../model/edition';
import { decodeS3Key, type S3Event } from '../model/s3-event';
import type { Renderers } from '../model/types';
import { markEditionChanged } from '../pipeline/draft-marker';
import { type IngestOutcome, ingest } from '../pipeline/ingest';
import type { PipelineDeps } from '../pipeline/pipeline-deps';
import { configFromEnv, documentsFunctionFromEnv, storeSettingsFromEnv } from '../setup/config';
import { type ForwardEvent, forwardToFunction } from '../setup/forward-to-function';
import { logger, withLogKeys } from '../setup/log';
import { makePipelineDeps } from '../setup/make-pipeline-deps';
import { makeBucketStore } from '../setup/make-store';

export type { S3Event } from '../model/s3-event';
export { decodeS3Key };

/** An upload the ingest function handed to the documents function unread. */
export interface ForwardedUpload {
  status: 'forwarded';
  key: string;
}

/** What the handler did with each object of an event. */
export type HandledUpload = IngestOutcome | ForwardedUpload;

export interface IngestHandlerOptions {
  /**
   * Hands PDF, Word and e-mail uploads, each in an event of its own, to the function that
   * reads them: the ingest function's package leaves those readers out (README "Deployment
   * package"). Absent where `deps.readDocument` reads them (the documents function, every
   * local run).
   */
  forwardDocuments?: ForwardEvent;
}

/**
 * Ingests every object of an S3 `ObjectCreated` event. An upload that changed an edition (a
 * new article, a rejection) refreshes that edition's draft marker, so the draft schedule
 * rebuilds it. Store errors propagate so Lambda retries, then the failure queue keeps the event.
 * Given `forwardDocuments`, a PDF, Word or e-mail upload is handed on unread instead (outcome
 * `forwarded`), and a refused hand-over fails the event the same way.
 */
export function makeIngestHandler(
  deps: PipelineDeps,
): (event: S3Event, context?: Context) => Promise<IngestOutcome[]>;
export function makeIngestHandler(
  deps: PipelineDeps,
  options: IngestHandlerOptions,
): (event: S3Event, context?: Context) => Promise<HandledUpload[]>;
export function makeIngestHandler(deps: PipelineDeps, options: IngestHandlerOptions = {}) {
  return async (event: S3Event, context?: Context): Promise<HandledUpload[]> => {
    if (context) logger.addContext(context);
    const outcomes: HandledUpload[] = [];
    for (const record of event.Records ?? []) {
      const key = decodeS3Key(record.s3.object.key);
      if (options.forwardDocuments && isDocumentKey(key)) {
        outcomes.push(await forward(options.forwardDocuments, record, key));
        continue;
      }
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
}

/** Hands one upload's record of the event to the documents function (its own event). */
async function forward(
  forwardDocuments: ForwardEvent,
  record: S3Event['Records'][number],
  key: string,
): Promise<ForwardedUpload> {
  return withLogKeys({ key }, async () => {
    try {
      await forwardDocuments({ Records: [record] });
    } catch (error) {
      logger.error('ingest could not forward the upload; Lambda will retry', {
        error: error as Error,
      });
      throw error;
    }
    logger.info('ingest forwarded to the documents function', { status: 'forwarded', key });
    return { status: 'forwarded', key };
  });
}

/**
 * Ingest writes records, never a brief: its packages leave out the renderers, templates and
 * fonts (README "Deployment package"), and these say so should that ever change.
 */
const noRenderers: Renderers = {
  html: () => {
    throw new Error('the ingest function does not render briefs');
  },
  pdf: () => Promise.reject(new Error('the ingest function does not render briefs')),
};

/** What both ingest functions run on, from Lambda's environment: the bucket, the data files. */
export function ingestDepsFromEnv(): PipelineDeps {
  return makePipelineDeps(configFromEnv(), makeBucketStore(storeSettingsFromEnv()), noRenderers);
}

let cached: ((event: S3Event, context?: Context) => Promise<HandledUpload[]>) | undefined;

/**
 * Lambda entry point of the ingest function: text, Markdown, HTML and JSON uploads are read
 * here; PDF, Word and e-mail ones go to the documents function (handlers/ingest-documents.ts).
 * The store and data files are set up once per cold start.
 */
export const handler = (event: S3Event, context?: Context) => {
  cached ??= makeIngestHandler(ingestDepsFromEnv(), {
    forwardDocuments: forwardToFunction(documentsFunctionFromEnv()),
  });
  return cached(event, context);
};
