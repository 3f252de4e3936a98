import { createHash } from 'node:crypto';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { StoreError } from '../model/errors';
import {
  bareEtag,
  type ListedObject,
  type ObjectInfo,
  type ObjectVersion,
  type Store,
} from './store';

export interface S3StoreOptions {
  /** Built once per cold start by the caller (see `makeS3Client`), so tests can pass another. */
  client: S3Client;
  bucket: string;
}

/**
 * The store over an S3 bucket (AWS, or any S3-compatible server the client points at).
 *
 * `putIfAbsent` and `putIfMatch` first ask HeadObject, then write with `If-None-Match: *` or
 * `If-Match: "<etag>"`: AWS and radosgw refuse the write with 412 when another writer got
 * there first; servers that ignore the headers (s3rver) are still covered by the head check,
 * short of a race. (radosgw 16.2 honours them only in unversioned buckets; AWS in both.)
 * `get` and `head` of a version read it by version id, else with `If-Match` on its ETag.
 */
export class S3Store implements Store {
  private readonly client: S3Client;
  readonly bucket: string;

  constructor({ client, bucket }: S3StoreOptions) {
    if (!bucket) throw new StoreError('S3Store needs a bucket name; set BRIEF_BUCKET');
    this.client = client;
    this.bucket = bucket;
  }

  async get(key: string, version?: ObjectVersion): Promise<Uint8Array | null> {
    try {
      const out = await this.client.send(
        new GetObjectCommand({ Bucket: this.bucket, Key: key, ...versionInput(version) }),
      );
      const body = out.Body ? await out.Body.transformToByteArray() : new Uint8Array();
      // Servers that ignore If-Match on a GET (s3rver) answer with the current object.
      return isOtherVersion(version, out.ETag) ? null : body;
    } catch (err) {
      if (isNotFound(err) || (version && isVersionGone(err))) return null;
      return this.missingOrFail('get', key, err);
    }
  }

  async getWithEtag(key: string): Promise<{ body: Uint8Array; etag: string } | null> {
    try {
      const out = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
      const body = out.Body ? await out.Body.transformToByteArray() : new Uint8Array();
      return { body, etag: bareEtag(out.ETag) ?? md5(body) };
    } catch (err) {
      if (isNotFound(err)) return null;
      return this.missingOrFail('get', key, err);
    }
  }

  async put(key: string, body: Uint8Array | string, contentType?: string): Promise<void> {
    try {
      await this.client.send(new PutObjectCommand(this.putInput(key, body, contentType)));
    } catch (err) {
      throw this.fail('put', key, err);
    }
  }

  async delete(key: string): Promise<void> {
    try {
      await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
    } catch (err) {
      throw this.fail('delete', key, err);
    }
  }

  async putIfAbsent(
    key: string,
    body: Uint8Array | string,
    contentType?: string,
  ): Promise<boolean> {
    return (await this.putIfMatch(key, body, null, contentType)) !== null;
  }

  /**
   * `If-None-Match: *` (etag null) or `If-Match: "<etag>"`. A HeadObject first answers the
   * common case without a write, and keeps servers that ignore the headers (s3rver) right
   * short of a race.
   */
  async putIfMatch(
    key: string,
    body: Uint8Array | string,
    etag: string | null,
    contentType?: string,
  ): Promise<string | null> {
    const operation = etag === null ? 'putIfAbsent' : 'putIfMatch';
    const current = await this.head(key);
    if (etag === null ? current !== null : current?.etag !== bareEtag(etag)) return null;
    // The bare ETag: radosgw 16.2 compares If-Match on PUT without unquoting (a quoted ETag
    // never matches there). AWS compares ETags without the quotes (to be confirmed on a real bucket).
    const condition = etag === null ? { IfNoneMatch: '*' } : { IfMatch: bareEtag(etag) };
    for (let attempt = 1; ; attempt++) {
      try {
        const input = { ...this.putInput(key, body, contentType), ...condition };
        const out = await this.client.send(new PutObjectCommand(input));
        return bareEtag(out.ETag) ?? md5(input.Body);
      } catch (err) {
        if (isPreconditionFailed(err)) return null;
        // If-Match on a key deleted meanwhile: AWS answers 404.
        if (etag !== null && isNotFound(err)) return null;
        // AWS answers 409 while another conditional write of the key is in flight: ask
        // again once it has landed (then 412, or success if that write failed).
        if (isConditionalConflict(err) && attempt < 4) {
          await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
          continue;
        }
        throw this.fail(operation, key, err);
      }
    }
  }

  async head(key: string, version?: ObjectVersion): Promise<ObjectInfo | null> {
    try {
      const out = await this.client.send(
        new HeadObjectCommand({ Bucket: this.bucket, Key: key, ...versionInput(version) }),
      );
      if (isOtherVersion(version, out.ETag)) return null;
      return {
        size: out.ContentLength ?? 0,
        modified: out.LastModified ?? new Date(0),
        ...(out.ETag ? { etag: bareEtag(out.ETag) } : {}),
      };
    } catch (err) {
      if (isNotFound(err) || (version && isVersionGone(err))) return null;
      return this.missingOrFail('head', key, err);
    }
  }

  /** Every key under the prefix, over all pages, sorted by UTF-8 bytes as S3 does. */
  async list(prefix: string): Promise<string[]> {
    return (await this.listWithEtags(prefix)).map((item) => item.key);
  }

  /** Every object under the prefix with its ETag and size, over all pages, sorted as `list`. */
  async listWithEtags(prefix: string): Promise<ListedObject[]> {
    const objects: ListedObject[] = [];
    let token: string | undefined;
    try {
      do {
        const out = await this.client.send(
          new ListObjectsV2Command({
            Bucket: this.bucket,
            Prefix: prefix,
            ContinuationToken: token,
          }),
        );
        for (const item of out.Contents ?? [])
          if (item.Key !== undefined)
            objects.push({ key: item.Key, etag: bareEtag(item.ETag) ?? '', size: item.Size ?? 0 });
        token = out.IsTruncated ? out.NextContinuationToken : undefined;
      } while (token);
    } catch (err) {
      throw this.fail('list', prefix, err);
    }
    // S3 already sorts; servers that do not (or sort by UTF-16) are brought in line.
    return objects.sort((a, b) => compareUtf8(a.key, b.key));
  }

  /**
   * S3 answers 403 instead of 404 for a missing key unless the caller may list the bucket
   * where the key would be; the functions may list only their own prefixes
   * (`s3:ListBucket` with an `s3:prefix` condition), so a 403 is checked by listing the key
   * itself: absent, it is "no such key" (null); present, the 403 stands.
   */
  private async missingOrFail(operation: string, key: string, err: unknown): Promise<null> {
    if (httpStatus(err) !== 403) throw this.fail(operation, key, err);
    let listed: { Contents?: { Key?: string }[] } | undefined;
    try {
      listed = await this.client.send(
        new ListObjectsV2Command({ Bucket: this.bucket, Prefix: key, MaxKeys: 1 }),
      );
    } catch {
      listed = undefined;
    }
    if (!listed || listed.Contents?.[0]?.Key === key) throw this.fail(operation, key, err);
    return null;
  }

  private putInput(key: string, body: Uint8Array | string, contentType: string | undefined) {
    const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
    return {
      Bucket: this.bucket,
      Key: key,
      Body: bytes,
      ContentLength: bytes.byteLength,
      ContentType:
        contentType ?? (typeof body === 'string' ? 'text/plain; charset=utf-8' : undefined),
    };
  }

  private fail(operation: string, key: string, err: unknown): StoreError {
    const name = err instanceof Error ? err.name : 'Error';
    const reason = err instanceof Error ? err.message : String(err);
    const status = httpStatus(err);
    const hint =
      status === 403 || name === 'AccessDenied'
        ? ' (check that the function role may use this bucket and key)'
        : name === 'NoSuchBucket'
          ? ' (check BRIEF_BUCKET and the region)'
          : '';
    return new StoreError(
      `${operation} s3://${this.bucket}/${key} failed: ${name}${status ? ` (HTTP ${status})` : ''}: ${reason}${hint}`,
      { cause: err },
    );
  }
}

function httpStatus(err: unknown): number | undefined {
  if (typeof err !== 'object' || err === null || !('$metadata' in err)) return undefined;
  return (err as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
}

function isNotFound(err: unknown): boolean {
  if (!(err instanceof Error) || err.name === 'NoSuchBucket') return false;
  return err.name === 'NoSuchKey' || err.name === 'NotFound' || httpStatus(err) === 404;
}

function isPreconditionFailed(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  return err.name === 'PreconditionFailed' || httpStatus(err) === 412;
}

function isConditionalConflict(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  return err.name === 'ConditionalRequestConflict' || httpStatus(err) === 409;
}

/** GetObject/HeadObject parameters that pick the version an event named. */
function versionInput(version: ObjectVersion | undefined) {
  if (!version) return {};
  return {
    ...(version.versionId ? { VersionId: version.versionId } : {}),
    ...(version.etag && !version.versionId ? { IfMatch: `"${bareEtag(version.etag)}"` } : {}),
  };
}

/** A read by ETag answered with an object of another ETag. */
function isOtherVersion(version: ObjectVersion | undefined, etag: string | undefined): boolean {
  if (!version?.etag || version.versionId || !etag) return false;
  return bareEtag(etag) !== bareEtag(version.etag);
}

/**
 * The version asked for is gone: the ETag no longer matches (412), or the version id is
 * unknown (AWS: 400 InvalidArgument for a malformed one, 404 NoSuchVersion for a deleted one).
 */
function isVersionGone(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  return (
    isPreconditionFailed(err) ||
    err.name === 'NoSuchVersion' ||
    (err.name === 'InvalidArgument' && /version/i.test(err.message))
  );
}

function md5(bytes: Uint8Array): string {
  return createHash('md5').update(bytes).digest('hex');
}

function compareUtf8(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}
