import { LambdaClient } from '@aws-sdk/client-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeIngestHandler } from '../../functions/handlers/ingest';
import { ConfigError, ForwardError } from '../../functions/model/errors';
import type { S3Event } from '../../functions/model/s3-event';
import { documentsFunctionFromEnv } from '../../functions/setup/config';
import { forwardToFunction } from '../../functions/setup/forward-to-function';
import { startLambdaServer } from '../helpers/lambda-server';
import { tempFsStore, testDeps } from '../helpers/pipeline';

const eventOf = (...keys: string[]): S3Event => ({
  Records: keys.map((key) => ({
    eventTime: '2026-11-22T09:00:00.000Z',
    s3: { object: { key, eTag: 'abc' } },
  })),
});

/**
 * The ingest function's hand-over of PDF, Word and e-mail uploads (handlers/ingest.ts), through
 * the AWS SDK to Lambda's Invoke API on loopback.
 */
describe('handing document uploads to the documents function', () => {
  let lambda: Awaited<ReturnType<typeof startLambdaServer>>;
  let client: LambdaClient;
  const received: S3Event[] = [];

  beforeAll(async () => {
    lambda = await startLambdaServer({
      documents: async (event) => {
        received.push(event as S3Event);
        return [];
      },
    });
    client = new LambdaClient({
      endpoint: lambda.endpoint,
      region: 'us-east-1',
      credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
      maxAttempts: 1,
    });
  });

  afterAll(async () => {
    client?.destroy();
    await lambda?.close();
  });

  it('forwards each document upload in an event of its own and reads the text uploads itself', async () => {
    const store = tempFsStore();
    const ingest = makeIngestHandler(testDeps(store), {
      forwardDocuments: forwardToFunction('documents', client),
    });
    const keys = ['incoming/a.pdf', 'incoming/B.DOCX', 'incoming/mail+copy.eml', 'incoming/c.txt'];
    const handled = await ingest(eventOf(...keys));
    expect(handled.map((outcome) => outcome.status)).toEqual([
      'forwarded',
      'forwarded',
      'forwarded',
      // Not in the store: the text upload was looked for here, not handed over.
      'skipped',
    ]);
    expect(handled[2]).toEqual({ status: 'forwarded', key: 'incoming/mail copy.eml' });
    await lambda.idle();
    expect(received).toEqual(keys.slice(0, 3).map((key) => eventOf(key)));
    // Nothing written for what was handed over: the documents function records it.
    expect(await store.list('')).toEqual([]);
  });

  it('fails the event with the reason when Lambda does not take it, so Lambda retries it', async () => {
    const ingest = makeIngestHandler(testDeps(tempFsStore()), {
      forwardDocuments: forwardToFunction('no-such-function', client),
    });
    const failed = await ingest(eventOf('incoming/a.pdf')).then(
      () => null,
      (error: unknown) => error,
    );
    expect(failed).toBeInstanceOf(ForwardError);
    expect((failed as Error).message).toMatch(
      /^could not hand incoming\/a\.pdf to the function no-such-function: Function not found/,
    );
  });

  it('needs the documents function named in the ingest function', () => {
    expect(() => documentsFunctionFromEnv({})).toThrow(ConfigError);
    expect(() => documentsFunctionFromEnv({})).toThrow(/BRIEF_DOCUMENTS_FUNCTION is not set/);
    expect(documentsFunctionFromEnv({ BRIEF_DOCUMENTS_FUNCTION: 'f' })).toBe('f');
  });
});
