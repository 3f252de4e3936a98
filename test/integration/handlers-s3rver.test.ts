import type { EventEmitter } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CreateBucketCommand } from '@aws-sdk/client-s3';
import S3rver from 's3rver';
import { uploadsPrefix } from '../../functions/store/bucket-layout';
import { makeS3Client } from '../../functions/store/s3-client';
import { EventDispatcher, type ServerS3Event, toAwsS3Event } from '../../infra/local/s3-events';
import { describeHandlersOver } from './handler-suite';

describeHandlersOver('s3rver (in-process)', async (invoke) => {
  const directory = await mkdtemp(path.join(tmpdir(), 's3rver-handlers-'));
  const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory });
  const { port } = (await server.run()) as AddressInfo;
  const endpoint = `http://127.0.0.1:${port}`;
  const credentials = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };
  const bucket = 'daily-brief-test';
  const client = makeS3Client({ endpoint, credentials });
  await client.send(new CreateBucketCommand({ Bucket: bucket }));
  client.destroy();
  const dispatcher = new EventDispatcher(invoke, { prefix: uploadsPrefix });
  // s3rver emits every object event in-process (no filter): the dispatcher applies the
  // notification's prefix filter, as the bucket configuration does on AWS.
  // (It is a Koa application, hence an EventEmitter, which its typings do not say.)
  (server as unknown as EventEmitter).on('event', (event: ServerS3Event) =>
    dispatcher.dispatch(toAwsS3Event(event)),
  );
  return {
    endpoint,
    credentials,
    bucket,
    dispatcher,
    conditionalWrites: false,
    close: async () => {
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
});
