import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** A function the server runs: a handler taking the invocation's event. */
type Handler = (event: unknown) => Promise<unknown>;

/**
 * Lambda's Invoke API on loopback, for the functions given: an asynchronous invocation
 * (`X-Amz-Invocation-Type: Event`) is answered 202 and its handler run after, as Lambda queues
 * it; anything else is refused. Real requests from the AWS SDK reach it (point the SDK at it with
 * `AWS_ENDPOINT_URL_LAMBDA`), so what a function sends another is tested as sent.
 */
export async function startLambdaServer(functions: Record<string, Handler>) {
  const running = new Set<Promise<unknown>>();
  const invocations: { functionName: string; event: unknown; result?: unknown }[] = [];
  const failures: { functionName: string; error: unknown }[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const match = /^\/2015-03-31\/functions\/([^/]+)\/invocations$/.exec(req.url ?? '');
      const functionName = decodeURIComponent(match?.[1] ?? '');
      const handler = functions[functionName];
      const answer = (status: number, body: object) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      if (req.method !== 'POST' || !handler)
        return answer(404, { Type: 'User', message: `Function not found: ${functionName}` });
      if (req.headers['x-amz-invocation-type'] !== 'Event')
        return answer(400, { message: 'this server runs asynchronous invocations only' });
      const invocation = {
        functionName,
        event: JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown,
        result: undefined as unknown,
      };
      invocations.push(invocation);
      answer(202, {});
      const run = new Promise((resolve) => setImmediate(resolve))
        .then(() => handler(invocation.event))
        .then((result) => {
          invocation.result = result;
        })
        .catch((error: unknown) => failures.push({ functionName, error }))
        .finally(() => running.delete(run));
      running.add(run);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    invocations,
    failures,
    /** Resolves once every invocation taken so far has run. */
    idle: async () => {
      while (running.size > 0) await Promise.all([...running]);
    },
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
