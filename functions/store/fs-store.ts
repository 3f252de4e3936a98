import { createHash, randomBytes } from 'node:crypto';
import type { Dirent } from 'node:fs';
import {
  link,
  mkdir,
  readdir,
  readFile,
  rename,
  rmdir,
  stat,
  unlink,
  writeFile,
} from 'node:fs/promises';
import path from 'node:path';
import { StoreError } from '../model/errors';
import { mapWithConcurrency } from './concurrency';
import {
  bareEtag,
  type ListedObject,
  type ObjectInfo,
  type ObjectVersion,
  type Store,
} from './store';

/** Files being written (and locks) start with this; `list` skips them. */
const TEMP_PREFIX = '.fsstore-tmp-';
/** A stored name starting with this is an encoded key segment (see `encodeSegment`). */
const ESCAPE = '%';
/** A lock older than this was left by a crashed writer and is broken. */
const STALE_LOCK_MS = 10_000;
/** How long `putIfMatch` waits for another writer's lock. */
const LOCK_WAIT_MS = 15_000;

/**
 * The embedded store: a folder laid out like the bucket (`incoming/a.txt` is
 * `<root>/incoming/a.txt`), so a folder can be copied to S3 as it is and back.
 *
 * Keys are opaque, as in S3, and can never name a file outside the root: a segment that is
 * not a plain file name (`..`, `.`, empty, with a backslash or NUL, starting with `%` or the
 * temp prefix) is stored percent-encoded behind a `%` (`incoming/../x.json` is the file
 * `<root>/incoming/%%2E%2E/x.json`) and listed back under its key.
 *
 * Writes are atomic (a temp file in the same folder, then a rename), so a reader never sees
 * half an object. `putIfAbsent` hard-links the finished temp file to the key, which fails when
 * the key exists, so two writers racing on one key cannot both win; `putIfMatch` compares the
 * ETag (the MD5 of the bytes, as S3 computes it) and renames under a lock file, so one of
 * concurrent compare-and-swaps wins. Unlike S3, a folder cannot hold both an object `a` and
 * an object `a/b` (writing the second fails with a `StoreError`), and it keeps one version of
 * an object: a `versionId` asked for is not checked, an `etag` is.
 */
export class FsStore implements Store {
  readonly root: string;

  constructor(root: string) {
    this.root = path.resolve(root);
  }

  async get(key: string, version?: ObjectVersion): Promise<Uint8Array | null> {
    const file = this.fileOf(key);
    try {
      const bytes = new Uint8Array(await readFile(file));
      if (version?.etag && md5(bytes) !== bareEtag(version.etag)) return null;
      return bytes;
    } catch (err) {
      if (isMissing(err)) return null;
      throw this.fail('get', key, err);
    }
  }

  async getWithEtag(key: string): Promise<{ body: Uint8Array; etag: string } | null> {
    const body = await this.get(key);
    return body ? { body, etag: md5(body) } : null;
  }

  async put(key: string, body: Uint8Array | string, _contentType?: string): Promise<void> {
    const file = this.fileOf(key);
    const temp = await this.writeTemp(key, file, body);
    try {
      await rename(temp, file);
    } catch (err) {
      await removeQuietly(temp);
      throw this.fail('put', key, err);
    }
  }

  async putIfAbsent(
    key: string,
    body: Uint8Array | string,
    _contentType?: string,
  ): Promise<boolean> {
    const file = this.fileOf(key);
    const temp = await this.writeTemp(key, file, body);
    try {
      await link(temp, file);
      return true;
    } catch (err) {
      if (errorCode(err) === 'EEXIST') return false;
      throw this.fail('putIfAbsent', key, err);
    } finally {
      await removeQuietly(temp);
    }
  }

  async putIfMatch(
    key: string,
    body: Uint8Array | string,
    etag: string | null,
    contentType?: string,
  ): Promise<string | null> {
    const tag = md5(typeof body === 'string' ? Buffer.from(body, 'utf8') : body);
    if (etag === null) return (await this.putIfAbsent(key, body, contentType)) ? tag : null;
    const file = this.fileOf(key);
    const temp = await this.writeTemp(key, file, body);
    let unlock: (() => Promise<void>) | undefined;
    try {
      unlock = await this.lock(key, file);
      const current = await readFile(file).then(
        (bytes) => md5(bytes),
        (err: unknown) => {
          if (isMissing(err)) return null;
          throw err;
        },
      );
      if (current !== bareEtag(etag)) return null;
      await rename(temp, file);
      return tag;
    } catch (err) {
      throw err instanceof StoreError ? err : this.fail('putIfMatch', key, err);
    } finally {
      await unlock?.();
      await removeQuietly(temp);
    }
  }

  /** Removes the file, then the folders it leaves empty (up to the root). */
  async delete(key: string): Promise<void> {
    const file = this.fileOf(key);
    try {
      await unlink(file);
    } catch (err) {
      if (isMissing(err)) return;
      throw this.fail('delete', key, err);
    }
    for (let dir = path.dirname(file); dir !== this.root; dir = path.dirname(dir)) {
      try {
        await rmdir(dir);
      } catch {
        return; // not empty (or written to meanwhile): it stays
      }
    }
  }

  async head(key: string, version?: ObjectVersion): Promise<ObjectInfo | null> {
    const file = this.fileOf(key);
    try {
      const info = await stat(file);
      if (!info.isFile()) return null;
      const etag = md5(await readFile(file));
      if (version?.etag && etag !== bareEtag(version.etag)) return null;
      return { size: info.size, modified: info.mtime, etag };
    } catch (err) {
      if (isMissing(err)) return null;
      throw this.fail('head', key, err);
    }
  }

  /**
   * Keys starting with `prefix` (a plain string prefix, as in S3: `inc` matches
   * `incoming/a.txt`), sorted by their UTF-8 bytes like S3 lists them.
   */
  async list(prefix: string): Promise<string[]> {
    checkKey(prefix, { allowPrefix: true });
    const slash = prefix.lastIndexOf('/');
    const folder = slash < 0 ? '' : prefix.slice(0, slash + 1);
    const keys: string[] = [];
    try {
      await this.walk(this.folderOf(folder), folder, prefix, keys);
    } catch (err) {
      throw this.fail('list', prefix, err);
    }
    return keys.sort(compareUtf8);
  }

  /**
   * `list`, with each object's ETag (the MD5 of its bytes, as `head` computes it: so every
   * listed file is read) and size.
   */
  async listWithEtags(prefix: string): Promise<ListedObject[]> {
    const keys = await this.list(prefix);
    const objects = await mapWithConcurrency(keys, 16, async (key) => {
      try {
        const bytes = await readFile(this.fileOf(key));
        return { key, etag: md5(bytes), size: bytes.byteLength };
      } catch (err) {
        // Gone since it was listed: not listed.
        if (isMissing(err)) return null;
        throw this.fail('list', prefix, err);
      }
    });
    return objects.filter((object) => object !== null);
  }

  private async walk(dir: string, folder: string, prefix: string, into: string[]): Promise<void> {
    let entries: Dirent[];
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (err) {
      if (isMissing(err)) return;
      throw err;
    }
    for (const entry of entries) {
      if (entry.name.startsWith(TEMP_PREFIX)) continue;
      const name = decodeSegment(entry.name);
      if (name === null) continue;
      const key = folder + name;
      if (entry.isDirectory()) {
        const sub = `${key}/`;
        // Descend only where keys can still match the prefix.
        if (sub.startsWith(prefix) || prefix.startsWith(sub))
          await this.walk(path.join(dir, entry.name), sub, prefix, into);
      } else if (entry.isFile() && key.startsWith(prefix)) {
        into.push(key);
      }
    }
  }

  /** Writes the body to a fresh temp file beside `file` and returns its path. */
  private async writeTemp(key: string, file: string, body: Uint8Array | string): Promise<string> {
    const dir = path.dirname(file);
    const temp = path.join(dir, `${TEMP_PREFIX}${randomBytes(8).toString('hex')}`);
    try {
      // The folder is made only when missing: most writes go where one was written before,
      // and a `mkdir` first cost each of them a round trip to the thread pool.
      await writeFile(temp, body, { flag: 'wx' }).catch(async (err: unknown) => {
        const code = errorCode(err);
        if (code !== 'ENOENT' && code !== 'ENOTDIR') throw err;
        await mkdir(dir, { recursive: true });
        await writeFile(temp, body, { flag: 'wx' });
      });
      return temp;
    } catch (err) {
      await removeQuietly(temp);
      throw this.fail('put', key, err);
    }
  }

  /**
   * Takes the lock of one key (a file created exclusively beside it) and returns its release.
   * Other processes using the same folder see the same lock; a lock left by a crashed writer
   * is broken after STALE_LOCK_MS.
   */
  private async lock(key: string, file: string): Promise<() => Promise<void>> {
    const name = createHash('sha1').update(path.basename(file)).digest('hex').slice(0, 16);
    const lockFile = path.join(path.dirname(file), `${TEMP_PREFIX}lock-${name}`);
    const deadline = Date.now() + LOCK_WAIT_MS;
    for (let wait = 2; ; wait = Math.min(wait * 2, 50)) {
      try {
        await writeFile(lockFile, String(process.pid), { flag: 'wx' });
        return () => removeQuietly(lockFile);
      } catch (err) {
        if (errorCode(err) !== 'EEXIST') throw err;
      }
      const age = await stat(lockFile).then(
        (info) => Date.now() - info.mtimeMs,
        () => 0,
      );
      if (age > STALE_LOCK_MS) await removeQuietly(lockFile);
      if (Date.now() > deadline)
        throw new StoreError(`putIfMatch ${key} in folder store ${this.root}: its lock is held`);
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }

  private fileOf(key: string): string {
    checkKey(key, { allowPrefix: false });
    return path.join(this.root, ...key.split('/').map(encodeSegment));
  }

  /** The folder of a key folder (`""` or ending in `/`). */
  private folderOf(folder: string): string {
    if (folder === '') return this.root;
    return path.join(this.root, ...folder.slice(0, -1).split('/').map(encodeSegment));
  }

  private fail(operation: string, key: string, err: unknown): StoreError {
    const code = errorCode(err);
    const hint =
      code === 'ENOTDIR' || code === 'EISDIR' || code === 'EEXIST'
        ? ' (a folder store cannot hold both an object "a" and an object "a/…"; rename one of them)'
        : code === 'EACCES' || code === 'EPERM'
          ? ` (check the permissions of ${this.root})`
          : code === 'ENOSPC'
            ? ' (the disk is full)'
            : '';
    const reason = err instanceof Error ? err.message : String(err);
    return new StoreError(
      `${operation} ${key} in folder store ${this.root} failed: ${reason}${hint}`,
      {
        cause: err,
      },
    );
  }
}

/**
 * A key segment as a file name: itself when it is a plain name, else `%` + its percent-encoding
 * (with dots encoded too), so that no key can name `..`, `.` or an absolute path. Also used by
 * the local S3 server of `npm run dev` (infra/local/s3rver-store.ts).
 */
export function encodeSegment(segment: string): string {
  const plain =
    segment !== '' &&
    segment !== '.' &&
    segment !== '..' &&
    !segment.startsWith(ESCAPE) &&
    !segment.startsWith(TEMP_PREFIX) &&
    !/[\\\0]/.test(segment);
  if (plain) return segment;
  return ESCAPE + encodeURIComponent(segment).replace(/\./g, '%2E');
}

/** The key segment a file name stands for; null for a name no key encodes to. */
export function decodeSegment(name: string): string | null {
  if (!name.startsWith(ESCAPE)) return name;
  try {
    return decodeURIComponent(name.slice(ESCAPE.length));
  } catch {
    return null;
  }
}

/**
 * Throws a StoreError unless `key` can be a key: a non-empty string of well-formed Unicode
 * (S3 keys are UTF-8). With `allowPrefix`, the empty string is accepted (list everything).
 * Anything else is stored, encoded where it would not be a plain file name.
 */
function checkKey(key: string, { allowPrefix }: { allowPrefix: boolean }): void {
  const what = allowPrefix ? 'prefix' : 'key';
  const reject = (why: string): never => {
    throw new StoreError(`invalid store ${what} ${JSON.stringify(key)}: ${why}`);
  };
  if (typeof key !== 'string') reject('it must be a string');
  if (key === '' && !allowPrefix) reject('it is empty');
  if (Buffer.from(key, 'utf8').toString('utf8') !== key)
    reject('it is not well-formed Unicode (a lone surrogate)');
}

function md5(bytes: Uint8Array): string {
  return createHash('md5').update(bytes).digest('hex');
}

/** S3 lists keys in UTF-8 byte order, which differs from JS string order for astral characters. */
function compareUtf8(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

function errorCode(err: unknown): string | undefined {
  return typeof err === 'object' && err !== null && 'code' in err
    ? String((err as { code: unknown }).code)
    : undefined;
}

/** Missing file, or a parent that is a file: in both cases the object does not exist. */
function isMissing(err: unknown): boolean {
  const code = errorCode(err);
  return code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR';
}

async function removeQuietly(file: string): Promise<void> {
  await unlink(file).catch(() => undefined);
}
