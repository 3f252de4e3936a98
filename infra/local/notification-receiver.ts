import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { type AwsS3Event, type ServerS3Event, toAwsS3Event } from './s3-events';

export interface NotificationReceiver {
  /** Where radosgw should push: `http://127.0.0.1:<port>/s3-events`. */
  url: string;
  close(): Promise<void>;
}

/**
 * A small HTTP endpoint for radosgw's bucket notifications (the `push-endpoint` of its topic).
 * Each POST carries one notification; it is acknowledged at once (S3 invokes Lambda
 * asynchronously: the upload does not wait for ingest) and handed, in the AWS shape, to
 * `onEvent`.
 */
export async function startNotificationReceiver(
  onEvent: (event: AwsS3Event) => void,
  { host = '127.0.0.1', port = 0 }: { host?: string; port?: number } = {},
): Promise<NotificationReceiver> {
  const server = http.createServer((req, res) => {
    if (req.method !== 'POST') {
      res.writeHead(405).end();
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      let event: ServerS3Event;
      try {
        event = JSON.parse(Buffer.concat(chunks).toString('utf8')) as ServerS3Event;
      } catch {
        res.writeHead(400).end('not JSON');
        return;
      }
      res.writeHead(200).end();
      onEvent(toAwsS3Event(event));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  return {
    url: `http://${host}:${address.port}/s3-events`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
