import type { Context } from 'aws-lambda';
import { readDocument } from '../article/read-document';
import type { S3Event } from '../model/s3-event';
import type { IngestOutcome } from '../pipeline/ingest';
import { ingestDepsFromEnv, makeIngestHandler } from './ingest';

let cached: ((event: S3Event, context?: Context) => Promise<IngestOutcome[]>) | undefined;

/**
 * Lambda entry point of the documents function: the PDF, Word and e-mail uploads the ingest
 * function hands over (handlers/ingest.ts), read with pdf.js, mammoth and mailparser, which
 * only this function's package holds. Otherwise the same ingest, records and draft markers.
 */
export const handler = (event: S3Event, context?: Context) => {
  cached ??= makeIngestHandler({ ...ingestDepsFromEnv(), readDocument });
  return cached(event, context);
};
