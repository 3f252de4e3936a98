import { type IngestOutcome, ingest } from './core/ingest';
import type { PipelineDeps } from './core/pipeline-deps';
import { configFromEnv } from './runtime/config';
import { log } from './runtime/log';
import { makeDeps } from './runtime/make-deps';
import { storeFromEnv } from './runtime/store-from-env';

/** The part of an S3 notification the handler reads (AWS and S3-compatible servers alike). */
export interface S3Event {
  Records: { eventTime?: string; s3: { object: { key: string } } }[];
}

/** S3 event keys are URL-encoded with '+' for spaces. */
export function decodeS3Key(key: string): string {
  return decodeURIComponent(key.replace(/\+/g, ' '));
}

/** Ingests every object of an S3 `ObjectCreated` event; store errors propagate so Lambda retries. */
export const makeIngestHandler =
  (deps: PipelineDeps) =>
  async (event: S3Event): Promise<IngestOutcome[]> => {
    const outcomes: IngestOutcome[] = [];
    for (const record of event.Records ?? []) {
      const key = decodeS3Key(record.s3.object.key);
      const receivedAt = record.eventTime ? new Date(record.eventTime) : undefined;
      const outcome = await ingest(deps, key, receivedAt ? { receivedAt } : {});
      log(outcome.status === 'rejected' ? 'warn' : 'info', `ingest ${outcome.status}`, {
        ...outcome,
      });
      outcomes.push(outcome);
    }
    return outcomes;
  };

let cached: ReturnType<typeof makeIngestHandler> | undefined;

/** Lambda entry point; the store, data files and fonts are set up once per cold start. */
export const handler = (event: S3Event) => {
  cached ??= makeIngestHandler(makeDeps(configFromEnv(), storeFromEnv()));
  return cached(event);
};
