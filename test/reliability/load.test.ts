import type { EventEmitter } from 'node:events';
import type { AddressInfo } from 'node:net';
import { CreateBucketCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeIngestHandler } from '../../functions/handlers/ingest';
import { uploadsPrefix } from '../../functions/store/bucket-layout';
import { makeS3Client } from '../../functions/store/s3-client';
import { S3Store } from '../../functions/store/s3-store';
import { EventDispatcher, type ServerS3Event, toAwsS3Event } from '../../infra/local/s3-events';
import { makeLocalS3rver } from '../../infra/local/s3rver-store';
import { tempDir, testDeps } from '../helpers/pipeline';
import { runLoad } from './load-scenario';

/**
 * The load of issue 12 against the local s3rver of `npm run dev`, its notifications running
 * the ingest handler. s3rver ignores conditional writes, so racing compiles may publish out of
 * order here; what is asserted is the state after the next tick (load.rgw.test.ts asserts
 * more, with real compare-and-swap).
 */
describe('100 uploads, re-uploads and overwrites with racing compiles and a failed write (s3rver)', () => {
  let server: ReturnType<typeof makeLocalS3rver>;
  let store: S3Store;
  let dispatcher: EventDispatcher;
  const client = { current: undefined as ReturnType<typeof makeS3Client> | undefined };

  beforeAll(async () => {
    server = makeLocalS3rver({
      address: '127.0.0.1',
      port: 0,
      silent: true,
      directory: tempDir('load-s3rver-'),
    });
    const { port } = (await server.run()) as AddressInfo;
    client.current = makeS3Client({
      endpoint: `http://127.0.0.1:${port}`,
      credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    });
    await client.current.send(new CreateBucketCommand({ Bucket: 'load' }));
    store = new S3Store({ client: client.current, bucket: 'load' });
    const ingest = makeIngestHandler(testDeps(store));
    dispatcher = new EventDispatcher((event) => ingest(event), {
      prefix: uploadsPrefix,
      retries: 2,
    });
    (server as unknown as EventEmitter).on('event', (event: ServerS3Event) =>
      dispatcher.dispatch(toAwsS3Event(event)),
    );
  });

  afterAll(async () => {
    await dispatcher?.idle();
    client.current?.destroy();
    await server?.close();
  });

  it('ends with latest.* one consistent build holding every article once', async () => {
    const report = await runLoad({ store, idle: () => dispatcher.idle() });
    console.log(`load (s3rver): ${JSON.stringify(report)}`);
    expect(report.articles).toBe(101);
  }, 300_000);
});
