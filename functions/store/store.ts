/**
 * The storage port. Keys follow the bucket layout (`incoming/`, `articles/`, `rejected/`,
 * `briefs/`, `deliveries/`, `config/`), built in `bucket-layout.ts`. Two adapters implement
 * it: `FsStore` (a folder laid out like the bucket) and `S3Store`. Errors other than "not
 * found" are `StoreError`s.
 */
export interface Store {
  /** The object's bytes, or null when there is no such key. */
  get(key: string): Promise<Uint8Array | null>;
  put(key: string, body: Uint8Array | string, contentType?: string): Promise<void>;
  /**
   * Writes only when the key does not exist yet; returns false (and writes nothing) when it
   * does. Used to make ingest idempotent.
   */
  putIfAbsent(key: string, body: Uint8Array | string, contentType?: string): Promise<boolean>;
  /** Metadata of the object, or null when there is no such key. */
  head(key: string): Promise<{ size: number; modified: Date } | null>;
  /** Every key under the prefix, sorted, recursively. */
  list(prefix: string): Promise<string[]>;
}
