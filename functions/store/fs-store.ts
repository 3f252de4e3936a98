import { randomBytes } from 'node:crypto';
import type { Dirent } from 'node:fs';
import { link, mkdir, readdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { StoreError } from '../model/errors';
import type { Store } from './store';

/** Files being written start with this; `list` skips them and keys may not use it. */
const TEMP_PREFIX = '.fsstore-tmp-';

/**
 * The embedded store: a folder laid out exactly like the bucket (`incoming/a.txt` is
 * `<root>/incoming/a.txt`), so a folder can be copied to S3 as it is and back.
 *
 * Writes are atomic (a temp file in the same folder, then a rename), so a reader never sees
 * half an object. `putIfAbsent` hard-links the finished temp file to the key, which fails when
 * the key exists, so two writers racing on one key cannot both win.
 *
 * Keys are checked before any file is touched: no `..` or `.` segments, no empty segments, no
 * leading `/`, no backslash, no NUL. A key can therefore never name a file outside the root.
 * Unlike S3, a folder cannot hold both an object `a` and an object `a/b`: writing the second
 * fails with a `StoreError`.
 */
export class FsStore implements Store {
  readonly root: string;

  constructor(root: string) {
    this.root = path.resolve(root);
  }

  async get(key: string): Promise<Uint8Array | null> {
    const file = this.fileOf(key);
    try {
      return new Uint8Array(await readFile(file));
    } catch (err) {
      if (isMissing(err)) return null;
      throw this.fail('get', key, err);
    }
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

  async head(key: string): Promise<{ size: number; modified: Date } | null> {
    const file = this.fileOf(key);
    try {
      const info = await stat(file);
      if (!info.isFile()) return null;
      return { size: info.size, modified: info.mtime };
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
      await this.walk(folder, prefix, keys);
    } catch (err) {
      throw this.fail('list', prefix, err);
    }
    return keys.sort(compareUtf8);
  }

  private async walk(folder: string, prefix: string, into: string[]): Promise<void> {
    let entries: Dirent[];
    try {
      entries = await readdir(path.join(this.root, folder), { withFileTypes: true });
    } catch (err) {
      if (isMissing(err)) return;
      throw err;
    }
    for (const entry of entries) {
      if (entry.name.startsWith(TEMP_PREFIX)) continue;
      const key = folder + entry.name;
      if (entry.isDirectory()) {
        const sub = `${key}/`;
        // Descend only where keys can still match the prefix.
        if (sub.startsWith(prefix) || prefix.startsWith(sub)) await this.walk(sub, prefix, into);
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
      await mkdir(dir, { recursive: true });
      await writeFile(temp, body, { flag: 'wx' });
      return temp;
    } catch (err) {
      await removeQuietly(temp);
      throw this.fail('put', key, err);
    }
  }

  private fileOf(key: string): string {
    checkKey(key, { allowPrefix: false });
    return path.join(this.root, ...key.split('/'));
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
 * Throws a StoreError unless `key` is a safe relative key. With `allowPrefix`, the empty
 * string and a trailing `/` are accepted (list prefixes); object keys need neither.
 */
function checkKey(key: string, { allowPrefix }: { allowPrefix: boolean }): void {
  const what = allowPrefix ? 'prefix' : 'key';
  const reject = (why: string): never => {
    throw new StoreError(`invalid store ${what} ${JSON.stringify(key)}: ${why}`);
  };
  if (typeof key !== 'string') reject('it must be a string');
  if (key === '') {
    if (allowPrefix) return;
    reject('it is empty');
  }
  if (key.includes('\0')) reject('it contains a NUL character');
  if (key.includes('\\')) reject('it contains a backslash; use "/" between folders');
  if (key.startsWith('/')) reject('it is absolute; keys are relative, like "incoming/a.txt"');
  const segments = key.split('/');
  if (allowPrefix && segments.at(-1) === '') segments.pop();
  for (const segment of segments) {
    if (segment === '') reject('it has an empty segment ("//" or a trailing "/")');
    if (segment === '.' || segment === '..') reject(`"${segment}" segments are not allowed`);
    if (segment.startsWith(TEMP_PREFIX))
      reject(`names starting with "${TEMP_PREFIX}" are reserved`);
  }
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
