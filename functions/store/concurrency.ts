/**
 * Bounded parallelism for store requests: S3 answers each request after a first-byte latency
 * (~10–30 ms), so reading an edition one object after another costs that latency per record;
 * a few dozen requests in flight hide it without flooding the client's sockets (the AWS SDK
 * keeps 50 per client by default).
 */

/** How many store requests a stage keeps in flight. */
export const storeConcurrency = 48;

/**
 * `map(item)` of every item, at most `limit` at a time, in the items' order. Fails with the
 * first error, and starts no more (the requests already in flight run to their end, unread).
 */
export async function mapWithConcurrency<T, R>(
  items: readonly T[],
  limit: number,
  map: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  let failed = false;
  const worker = async () => {
    while (next < items.length && !failed) {
      const index = next++;
      try {
        results[index] = await map(items[index] as T, index);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  const workers = Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker);
  await Promise.all(workers);
  return results;
}
