/**
 * The storage port. Keys follow the bucket layout (`incoming/`, `articles/`, `rejected/`,
 * `briefs/`, `deliveries/`, `config/`), built in `bucket-layout.ts`. Two adapters implement
 * it: `FsStore` (a folder laid out like the bucket) and `S3Store`. Errors other than "not
 * found" are `StoreError`s.
 *
 * Keys are opaque strings, as in S3: `incoming/../articles/x.json` is a key under `incoming/`,
 * never a path to normalise.
 */
export interface Store {
  /**
   * The object's bytes, or null when there is no such key. With `version`, the bytes of that
   * version (`versionId`, in a versioned bucket) or only if the object's ETag is still
   * `etag`: null when that version no longer exists.
   */
  get(key: string, version?: ObjectVersion): Promise<Uint8Array | null>;
  /** The object's bytes and ETag (for a later `putIfMatch`), or null when there is no such key. */
  getWithEtag(key: string): Promise<{ body: Uint8Array; etag: string } | null>;
  put(key: string, body: Uint8Array | string, contentType?: string): Promise<void>;
  /**
   * Removes the object; nothing when there is none. Only the local command deletes (old builds,
   * pipeline/prune-builds.ts): the functions' roles have no right to.
   */
  delete(key: string): Promise<void>;
  /**
   * Writes only when the key does not exist yet; returns false (and writes nothing) when it
   * does. Used to make ingest idempotent.
   */
  putIfAbsent(key: string, body: Uint8Array | string, contentType?: string): Promise<boolean>;
  /**
   * Compare-and-swap: writes only when the object's ETag is still `etag` (`null`: only when
   * the key does not exist). Returns the new ETag, or null (nothing written) when another
   * writer changed the object first. Used for the publish manifests and delivery claims.
   */
  putIfMatch(
    key: string,
    body: Uint8Array | string,
    etag: string | null,
    contentType?: string,
  ): Promise<string | null>;
  /** Metadata of the object (of `version`, as for `get`), or null when there is no such key. */
  head(key: string, version?: ObjectVersion): Promise<ObjectInfo | null>;
  /** Every key under the prefix, sorted, recursively. */
  list(prefix: string): Promise<string[]>;
  /**
   * The same, with each object's ETag and size: what S3's listing says anyway, so a reader can
   * tell which objects changed since it last read them without reading them.
   */
  listWithEtags(prefix: string): Promise<ListedObject[]>;
}

/** One object of a listing. */
export interface ListedObject {
  key: string;
  /** The ETag without quotes (see `ObjectInfo.etag`). */
  etag: string;
  size: number;
}

/** Which version of an object to read: what an S3 event names. */
export interface ObjectVersion {
  /** The S3 version id (versioned buckets). */
  versionId?: string;
  /** The object's ETag (without quotes); a read fails when the current ETag differs. */
  etag?: string;
}

export interface ObjectInfo {
  size: number;
  modified: Date;
  /**
   * The ETag without quotes: the MD5 of the bytes for a single-part upload (S3 with SSE-S3,
   * radosgw, s3rver; FsStore computes it), something else for multipart or SSE-KMS objects.
   */
  etag?: string;
}

/** An ETag as compared: without the quotes S3 puts around it. */
export const bareEtag = (etag: string | undefined | null): string | undefined =>
  etag ? etag.replace(/"/g, '') : undefined;
