import {
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { StoreError } from '../model/errors';
import type { Store } from './store';

export interface S3StoreOptions {
  /** Built once per cold start by the caller (see `makeS3Client`), so tests can pass another. */
  client: S3Client;
  bucket: string;
}

/**
 * The store over an S3 bucket (AWS, or any S3-compatible server the client points at).
 *
 * `putIfAbsent` first asks HeadObject, then writes with `If-None-Match: *`: AWS and radosgw
 * refuse the write with 412 when another writer got there first; servers that ignore the
 * header (s3rver) are still covered by the head check, short of a race. (radosgw 16.2 honours
 * `If-None-Match` only in unversioned buckets; AWS in both.)
 */
export class S3Store implements Store {
  private readonly client: S3Client;
  readonly bucket: string;

  constructor({ client, bucket }: S3StoreOptions) {
    if (!bucket) throw new StoreError('S3Store needs a bucket name; set BRIEF_BUCKET');
    this.client = client;
    this.bucket = bucket;
  }

  async get(key: string): Promise<Uint8Array | null> {
    try {
      const out = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
      if (!out.Body) return new Uint8Array();
      return await out.Body.transformToByteArray();
    } catch (err) {
      if (isNotFound(err)) return null;
      throw this.fail('get', key, err);
    }
  }

  async put(key: string, body: Uint8Array | string, contentType?: string): Promise<void> {
    try {
      await this.client.send(new PutObjectCommand(this.putInput(key, body, contentType)));
    } catch (err) {
      throw this.fail('put', key, err);
    }
  }

  async putIfAbsent(
    key: string,
    body: Uint8Array | string,
    contentType?: string,
  ): Promise<boolean> {
    if ((await this.head(key)) !== null) return false;
    for (let attempt = 1; ; attempt++) {
      try {
        await this.client.send(
          new PutObjectCommand({ ...this.putInput(key, body, contentType), IfNoneMatch: '*' }),
        );
        return true;
      } catch (err) {
        if (isPreconditionFailed(err)) return false;
        // AWS answers 409 while another conditional write of the key is in flight: ask
        // again once it has landed (then 412, or success if that write failed).
        if (isConditionalConflict(err) && attempt < 4) {
          await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
          continue;
        }
        throw this.fail('putIfAbsent', key, err);
      }
    }
  }

  async head(key: string): Promise<{ size: number; modified: Date } | null> {
    try {
      const out = await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
      return { size: out.ContentLength ?? 0, modified: out.LastModified ?? new Date(0) };
    } catch (err) {
      if (isNotFound(err)) return null;
      throw this.fail('head', key, err);
    }
  }

  /** Every key under the prefix, over all pages, sorted by UTF-8 bytes as S3 does. */
  async list(prefix: string): Promise<string[]> {
    const keys: string[] = [];
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
        for (const item of out.Contents ?? []) if (item.Key !== undefined) keys.push(item.Key);
        token = out.IsTruncated ? out.NextContinuationToken : undefined;
      } while (token);
    } catch (err) {
      throw this.fail('list', prefix, err);
    }
    // S3 already sorts; servers that do not (or sort by UTF-16) are brought in line.
    return keys.sort(compareUtf8);
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

function compareUtf8(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}
