/**
 * s3rver as the local S3 of `npm run dev`, made to behave like S3 where it does not:
 *
 * - **Keys are not paths.** s3rver joins the key's segments into a file path, so a key
 *   `incoming/../articles/x.json` is stored as `articles/x.json` (outside `incoming/`, where a
 *   planted record or brief would be read as ours) and `../../x` outside its folder. Here each
 *   segment that is not a plain file name is stored percent-encoded (the scheme of FsStore,
 *   `encodeSegment`), and listed back under the key as it was uploaded.
 * - **Writes to one key are atomic.** s3rver writes the object file in place, so two
 *   simultaneous PUTs of one key can interleave into a corrupt file. Here the object, its MD5
 *   and its metadata are written to temp files and renamed, and the operations on one key are
 *   serialised, so a reader sees one whole version, with its own ETag.
 *
 * It stays s3rver otherwise: no versions, and `If-Match`/`If-None-Match` on PUT are ignored.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, readdir, rename, rmdir, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import S3rver from 's3rver';
import S3Object from 's3rver/lib/models/object';
import FilesystemStore from 's3rver/lib/stores/filesystem';
import { decodeSegment, encodeSegment } from '../../functions/store/fs-store';

const RESOURCE = '._S3rver_';
const OBJECT_SUFFIX = `${RESOURCE}object`;
const TEMP = '.s3rver-tmp-';

interface StoredObject {
  bucket: string;
  key: string;
  content: NodeJS.ReadableStream | Buffer;
  metadata: Record<string, string>;
}

/** s3rver's filesystem store with encoded keys and atomic, serialised writes. */
export class SafeFilesystemStore extends FilesystemStore {
  private readonly queues = new Map<string, Promise<unknown>>();

  override getResourcePath(bucket: string, key = '', resource?: string): string {
    // Bucket-level resources (configurations, multipart uploads) have no key.
    if (key === '') return super.getResourcePath(bucket, key, resource);
    const parts = key.split('/').map(encodeSegment);
    const last = parts.pop() as string;
    return path.join(this.rootDirectory, bucket, ...parts, `${last}${RESOURCE}${resource}`);
  }

  async putObject(object: StoredObject): Promise<{ size: number; md5: string }> {
    return this.serial(object.bucket, object.key, async () => {
      const objectPath = this.getResourcePath(object.bucket, object.key, 'object');
      const dir = path.dirname(objectPath);
      await mkdir(dir, { recursive: true });
      const temp = (name: string) =>
        path.join(dir, `${TEMP}${randomBytes(6).toString('hex')}-${name}`);
      const objectTemp = temp('object');
      const hash = createHash('md5');
      let size = 0;
      const counter = new Transform({
        transform(chunk: Buffer, _encoding, done) {
          hash.update(chunk);
          size += chunk.length;
          done(null, chunk);
        },
      });
      const source = Buffer.isBuffer(object.content)
        ? [object.content]
        : (object.content as NodeJS.ReadableStream);
      try {
        await pipeline(source as AsyncIterable<Buffer>, counter, createWriteStream(objectTemp));
      } catch (error) {
        await unlink(objectTemp).catch(() => undefined);
        throw error;
      }
      const md5 = hash.digest('hex');
      const metadata = await this.metadataJson(object.metadata);
      const md5Temp = temp('md5');
      const metadataTemp = temp('metadata');
      await writeFile(md5Temp, md5);
      await writeFile(metadataTemp, metadata);
      await rename(md5Temp, this.getResourcePath(object.bucket, object.key, 'object.md5'));
      await rename(metadataTemp, this.getResourcePath(object.bucket, object.key, 'metadata.json'));
      await rename(objectTemp, objectPath);
      return { size, md5 };
    });
  }

  override async getObject(bucket: string, key: string, options?: unknown): Promise<unknown> {
    return this.serial(bucket, key, () => super.getObject(bucket, key, options));
  }

  override async copyObject(
    srcBucket: string,
    srcKey: string,
    destBucket: string,
    destKey: string,
    replacementMetadata?: Record<string, string>,
  ): Promise<unknown> {
    return this.serial(destBucket, destKey, () =>
      super.copyObject(srcBucket, srcKey, destBucket, destKey, replacementMetadata),
    );
  }

  async deleteObject(bucket: string, key: string): Promise<void> {
    return this.serial(bucket, key, async () => {
      for (const resource of ['object', 'object.md5', 'metadata.json'])
        await unlink(this.getResourcePath(bucket, key, resource)).catch(
          (error: NodeJS.ErrnoException) => {
            if (error.code !== 'ENOENT') throw error;
          },
        );
      // Remove the folders the key leaves empty, never above the bucket.
      const bucketPath = this.getBucketPath(bucket);
      const parts = key.split('/').map(encodeSegment);
      parts.pop();
      while (parts.length > 0) {
        const dir = path.join(bucketPath, ...parts);
        if ((await readdir(dir).catch(() => ['?'])).length > 0) break;
        await rmdir(dir).catch(() => undefined);
        parts.pop();
      }
    });
  }

  /**
   * Every object under `prefix`, by UTF-8 byte order, as S3 lists them (keys decoded), in one
   * page: s3rver makes the token of a next page with DES, which the OpenSSL 3 of Node 17+ no
   * longer has (ERR_OSSL_EVP_UNSUPPORTED, a 500 for any listing of over 1,000 keys), so
   * `maxKeys` is not applied and no listing is truncated.
   */
  async listObjects(
    bucket: string,
    options: { delimiter?: string; startAfter?: string; prefix?: string; maxKeys?: number },
  ): Promise<{ objects: unknown[]; commonPrefixes: string[]; isTruncated: boolean }> {
    const { delimiter = '', startAfter = '', prefix = '' } = options;
    const bucketPath = this.getBucketPath(bucket);
    const all: string[] = [];
    await walk(bucketPath, '', prefix, all);
    all.sort(compareUtf8);
    const commonPrefixes = new Set<string>();
    const keys: string[] = [];
    for (const key of all) {
      if (compareUtf8(key, startAfter) <= 0 || !key.startsWith(prefix)) continue;
      if (delimiter) {
        const at = key.slice(prefix.length).indexOf(delimiter);
        if (at !== -1) {
          commonPrefixes.add(key.slice(0, prefix.length + at + delimiter.length));
          continue;
        }
      }
      keys.push(key);
    }
    const objects: unknown[] = [];
    for (const key of keys) {
      const metadata = await this.getMetadata(bucket, key).catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return undefined;
        throw error;
      });
      if (metadata) objects.push(new S3Object(bucket, key, null, metadata));
    }
    return { objects, commonPrefixes: [...commonPrefixes].sort(), isTruncated: false };
  }

  /** What s3rver keeps of an object's metadata (its own `putMetadata`, minus the writes). */
  private async metadataJson(metadata: Record<string, string>): Promise<string> {
    const kept: Record<string, string> = {};
    for (const [name, value] of Object.entries(metadata))
      if (S3Object.ALLOWED_METADATA.includes(name) || name.startsWith('x-amz-meta-'))
        kept[name] = value;
    return JSON.stringify(kept, null, 2);
  }

  /** Runs `work` after every earlier operation on the same key has finished. */
  private serial<T>(bucket: string, key: string, work: () => Promise<T>): Promise<T> {
    const id = `${bucket}/${key}`;
    const previous = this.queues.get(id) ?? Promise.resolve();
    const next = previous.then(work, work);
    const settled = next.then(
      () => undefined,
      () => undefined,
    );
    this.queues.set(id, settled);
    void settled.then(() => {
      if (this.queues.get(id) === settled) this.queues.delete(id);
    });
    return next;
  }
}

/** Keys of the objects below `dir` (decoded), skipping folders that cannot match `prefix`. */
async function walk(dir: string, folder: string, prefix: string, into: string[]): Promise<void> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return;
  }
  for (const name of names) {
    if (name.startsWith(TEMP)) continue;
    const file = path.join(dir, name);
    const info = await stat(file).catch(() => null);
    if (!info) continue;
    if (info.isDirectory()) {
      const segment = decodeSegment(name);
      if (segment === null) continue;
      const sub = `${folder}${segment}/`;
      if (sub.startsWith(prefix) || prefix.startsWith(sub)) await walk(file, sub, prefix, into);
    } else if (name.endsWith(OBJECT_SUFFIX)) {
      const segment = decodeSegment(name.slice(0, -OBJECT_SUFFIX.length));
      if (segment !== null) into.push(folder + segment);
    }
  }
}

function compareUtf8(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

/** An s3rver whose store is the SafeFilesystemStore (same options as `new S3rver`). */
export function makeLocalS3rver(options: ConstructorParameters<typeof S3rver>[0]): S3rver {
  const server = new S3rver(options);
  const directory = (options as { directory?: string }).directory as string;
  const store = new SafeFilesystemStore(directory);
  const app = server as unknown as { store: unknown; context: { store: unknown } };
  app.store = store;
  app.context.store = store;
  return server;
}
