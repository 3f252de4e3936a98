import { CreateBucketCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeIngestHandler } from '../../functions/handlers/ingest';
import { uploadsPrefix } from '../../functions/store/bucket-layout';
import { makeS3Client } from '../../functions/store/s3-client';
import { S3Store } from '../../functions/store/s3-store';
import {
  type NotificationReceiver,
  startNotificationReceiver,
} from '../../infra/local/notification-receiver';
import { type Radosgw, startRadosgw, subscribeBucket } from '../../infra/local/radosgw';
import { EventDispatcher } from '../../infra/local/s3-events';
import { testDeps } from '../helpers/pipeline';
import { runLoad } from './load-scenario';

/**
 * The load of issue 12 against Ceph radosgw (`npm run test:rgw`): real conditional writes, so
 * of racing compiles only the one built from the most records publishes, and `latest` is
 * never seen going back; real bucket notifications run ingest. An unversioned bucket, where
 * radosgw 16.2 honours If-Match/If-None-Match.
 */
describe('100 uploads, re-uploads and overwrites with racing compiles and a failed write (radosgw)', () => {
  let rgw: Radosgw;
  let receiver: NotificationReceiver;
  let dispatcher: EventDispatcher;
  let store: S3Store;
  let client: ReturnType<typeof makeS3Client>;

  beforeAll(async () => {
    rgw = await startRadosgw();
    client = makeS3Client({ endpoint: rgw.endpoint, credentials: rgw.credentials });
    const bucket = 'daily-brief-load';
    await client.send(new CreateBucketCommand({ Bucket: bucket }));
    store = new S3Store({ client, bucket });
    const ingest = makeIngestHandler(testDeps(store));
    dispatcher = new EventDispatcher((event) => ingest(event), {
      prefix: uploadsPrefix,
      retries: 2,
    });
    receiver = await startNotificationReceiver((event) => dispatcher.dispatch(event));
    await subscribeBucket({
      endpoint: rgw.endpoint,
      credentials: rgw.credentials,
      bucket,
      prefix: uploadsPrefix,
      pushEndpoint: receiver.url,
    });
  });

  afterAll(async () => {
    await dispatcher?.idle();
    client?.destroy();
    await receiver?.close();
    await rgw?.stop();
  });

  it('ends with latest.* one consistent build holding every article once, never going back', async () => {
    // radosgw delivers notifications asynchronously: wait until every PUT's event was handled.
    const report = await runLoad({
      store,
      idle: async (puts) => {
        const deadline = Date.now() + 120_000;
        while (dispatcher.handled < puts && Date.now() < deadline)
          await new Promise((resolve) => setTimeout(resolve, 100));
        await dispatcher.idle();
      },
    });
    console.log(`load (radosgw): ${JSON.stringify(report)}`);
    expect(report.articles).toBe(101);
    expect(report.latestWentBack).toBe(0);
  }, 300_000);
});
