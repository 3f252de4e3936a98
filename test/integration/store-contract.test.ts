import crypto, { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CreateBucketCommand, type S3Client } from '@aws-sdk/client-s3';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StoreError } from '../../functions/model/errors';
import { FsStore } from '../../functions/store/fs-store';
import { makeS3Client } from '../../functions/store/s3-client';
import { S3Store } from '../../functions/store/s3-store';
import { makeLocalS3rver } from '../../infra/local/s3rver-store';
import { storeContract, text } from '../helpers/store-contract';

describe('FsStore', () => {
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'fs-store-'));
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  storeContract('FsStore', async () => new FsStore(await mkdtemp(path.join(root, 'contract-'))), {
    conditionalWrites: true,
    opaqueKeys: true,
  });

  it('lays the folder out exactly like the bucket', async () => {
    const dir = await mkdtemp(path.join(root, 'layout-'));
    const store = new FsStore(dir);
    await store.put('incoming/a.txt', 'a');
    await store.put('articles/2026-11-22/x.json', '{}');
    expect(await readdir(path.join(dir, 'incoming'))).toEqual(['a.txt']);
    expect(await readdir(path.join(dir, 'articles', '2026-11-22'))).toEqual(['x.json']);
  });

  it('leaves no temp files behind and does not list them', async () => {
    const dir = await mkdtemp(path.join(root, 'temp-'));
    const store = new FsStore(dir);
    await store.put('incoming/a.txt', 'a');
    await store.putIfAbsent('incoming/a.txt', 'b');
    await store.putIfAbsent('incoming/b.txt', 'b');
    expect(await readdir(path.join(dir, 'incoming'))).toEqual(['a.txt', 'b.txt']);
    // A crashed writer's leftover is not an object.
    await writeFile(path.join(dir, 'incoming', '.fsstore-tmp-deadbeef'), 'partial');
    expect(await store.list('incoming/')).toEqual(['incoming/a.txt', 'incoming/b.txt']);
  });

  it('lets exactly one of many concurrent putIfAbsent calls win', async () => {
    const store = new FsStore(await mkdtemp(path.join(root, 'race-')));
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => store.putIfAbsent('articles/d/race.json', `w${i}`)),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
    const winner = results.indexOf(true);
    expect(text(await store.get('articles/d/race.json'))).toBe(`w${winner}`);
  });

  it.each([
    ['a parent segment', '../outside.txt'],
    ['a parent segment in the middle', 'incoming/../../outside.txt'],
    ['a current-folder segment', 'incoming/./a.txt'],
    ['an absolute path', '/etc/passwd'],
    ['a NUL byte', 'incoming/a\0.txt'],
    ['a backslash', 'incoming\\..\\..\\outside.txt'],
    ['an empty segment', 'incoming//a.txt'],
    ['a trailing slash', 'incoming/'],
    ['the temp-file prefix', 'incoming/.fsstore-tmp-x'],
    ['an escaped-looking segment', 'incoming/%2E%2E/x'],
  ])('stores a key with %s inside its folder, as S3 keeps it', async (_why, key) => {
    const parent = await mkdtemp(path.join(root, 'escape-'));
    const dir = path.join(parent, 'store');
    const store = new FsStore(dir);
    await store.put(key, 'x');
    expect(text(await store.get(key))).toBe('x');
    expect((await store.head(key))?.size).toBe(1);
    expect(await store.putIfAbsent(key, 'y')).toBe(false);
    expect(await store.list('')).toEqual([key]);
    // Nothing was written beside the store's folder.
    expect(await readdir(parent)).toEqual(['store']);
  });

  it('rejects the empty key and keys that are not Unicode', async () => {
    const store = new FsStore(await mkdtemp(path.join(root, 'invalid-')));
    await expect(store.get('')).rejects.toThrow(/invalid store key/);
    await expect(store.put('incoming/\ud800.txt', 'x')).rejects.toThrow(StoreError);
  });

  it('lists prefixes that look like paths as key prefixes, never outside the root', async () => {
    const parent = await mkdtemp(path.join(root, 'escape-list-'));
    const store = new FsStore(path.join(parent, 'store'));
    await store.put('a/../b/x.txt', 'x');
    await writeFile(path.join(parent, 'outside.txt'), 'outside');
    for (const prefix of ['../', '/etc/', 'a/../../', 'a\\b', 'a\0'])
      expect(await store.list(prefix)).toEqual([]);
    expect(await store.list('a/../')).toEqual(['a/../b/x.txt']);
  });

  it('lets one of concurrent putIfMatch calls win, and breaks the lock a crashed writer left', async () => {
    const dir = await mkdtemp(path.join(root, 'cas-'));
    const store = new FsStore(dir);
    const base = await store.putIfMatch('briefs/m.json', 'base', null);
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => store.putIfMatch('briefs/m.json', `w${i}`, base)),
    );
    expect(results.filter((etag) => etag !== null)).toHaveLength(1);
    const lockName = (await readdir(path.join(dir, 'briefs'))).filter((n) => n.includes('lock'));
    expect(lockName).toEqual([]);
    // A lock file a crashed writer left (older than 10 s) does not block writers for ever.
    const current = await store.getWithEtag('briefs/m.json');
    const { createHash } = await import('node:crypto');
    const lock = `.fsstore-tmp-lock-${createHash('sha1').update('m.json').digest('hex').slice(0, 16)}`;
    await writeFile(path.join(dir, 'briefs', lock), '1');
    const old = new Date(Date.now() - 60_000);
    const { utimes } = await import('node:fs/promises');
    await utimes(path.join(dir, 'briefs', lock), old, old);
    expect(await store.putIfMatch('briefs/m.json', 'after', current?.etag ?? null)).not.toBeNull();
    expect(await store.list('briefs/')).toEqual(['briefs/m.json']);
  });

  it('wraps I/O failures in a StoreError that keeps the cause', async () => {
    const dir = await mkdtemp(path.join(root, 'io-'));
    const store = new FsStore(dir);
    await store.put('incoming/a', 'file');
    const err = await store.put('incoming/a/b.txt', 'x').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoreError);
    expect((err as StoreError).message).toMatch(/incoming\/a\/b\.txt/);
    expect((err as StoreError).cause).toBeDefined();
    // A symlink to a missing target reads as missing, not as a crash.
    await symlink(path.join(dir, 'nowhere'), path.join(dir, 'incoming', 'dangling'));
    expect(await store.get('incoming/dangling')).toBeNull();
  });
});

/**
 * s3rver 3.7.1 encrypts ListObjectsV2 continuation tokens with single DES, which OpenSSL 3
 * (Node >= 17) refuses without --openssl-legacy-provider, so every truncated listing answers
 * 500. Triple DES with the key repeated three times is single DES, bit for bit, and is still
 * allowed: route s3rver's 'des' calls there for the life of this file.
 */
function letS3rverPaginate(): () => void {
  const { createCipheriv, createDecipheriv } = crypto;
  const isDes = (algorithm: string, key: crypto.CipherKey): key is Buffer =>
    algorithm === 'des' && Buffer.isBuffer(key) && key.length === 8;
  const patched = crypto as { createCipheriv: unknown; createDecipheriv: unknown };
  patched.createCipheriv = (algorithm: string, key: crypto.CipherKey, iv: crypto.BinaryLike) =>
    isDes(algorithm, key)
      ? createCipheriv('des-ede3-cbc', Buffer.concat([key, key, key]), iv)
      : createCipheriv(algorithm, key, iv);
  patched.createDecipheriv = (algorithm: string, key: crypto.CipherKey, iv: crypto.BinaryLike) =>
    isDes(algorithm, key)
      ? createDecipheriv('des-ede3-cbc', Buffer.concat([key, key, key]), iv)
      : createDecipheriv(algorithm, key, iv);
  return () => {
    patched.createCipheriv = createCipheriv;
    patched.createDecipheriv = createDecipheriv;
  };
}

describe('S3Store against s3rver', () => {
  let server: S3rver;
  let client: S3Client;
  let directory: string;
  let buckets = 0;
  let restoreCrypto: () => void;

  beforeAll(async () => {
    restoreCrypto = letS3rverPaginate();
    directory = await mkdtemp(path.join(tmpdir(), 's3rver-'));
    server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory });
    const { port } = (await server.run()) as AddressInfo;
    client = makeS3Client({
      endpoint: `http://127.0.0.1:${port}`,
      region: 'us-east-1',
      credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    });
  });

  afterAll(async () => {
    client?.destroy();
    await server?.close();
    await rm(directory, { recursive: true, force: true });
    restoreCrypto?.();
  });

  storeContract(
    'S3Store',
    async () => {
      const bucket = `contract-${++buckets}`;
      await client.send(new CreateBucketCommand({ Bucket: bucket }));
      return new S3Store({ client, bucket });
    },
    { conditionalWrites: false, opaqueKeys: false },
  );

  it('lists past one page of results', async () => {
    const bucket = `paged-${++buckets}`;
    await client.send(new CreateBucketCommand({ Bucket: bucket }));
    const store = new S3Store({ client, bucket });
    const keys = Array.from({ length: 1005 }, (_, i) => `p/${String(i).padStart(4, '0')}.txt`);
    for (let i = 0; i < keys.length; i += 50) {
      await Promise.all(keys.slice(i, i + 50).map((key) => store.put(key, 'x')));
    }
    expect(await store.list('p/')).toEqual(keys);
  });

  it('names the bucket and key when the bucket does not exist', async () => {
    const store = new S3Store({ client, bucket: 'no-such-bucket' });
    await expect(store.get('incoming/a.txt')).rejects.toThrow(
      /s3:\/\/no-such-bucket\/incoming\/a\.txt.*NoSuchBucket/,
    );
    await expect(store.put('incoming/a.txt', 'x')).rejects.toThrow(StoreError);
  });
});

/** The s3rver of `npm run dev` (infra/local/s3rver-store.ts): keys stay keys. */
describe('S3Store against the local s3rver of npm run dev', () => {
  let server: S3rver;
  let client: S3Client;
  let directory: string;
  let buckets = 0;

  beforeAll(async () => {
    directory = await mkdtemp(path.join(tmpdir(), 's3rver-local-'));
    server = makeLocalS3rver({ address: '127.0.0.1', port: 0, silent: true, directory });
    const { port } = (await server.run()) as AddressInfo;
    client = makeS3Client({
      endpoint: `http://127.0.0.1:${port}`,
      region: 'us-east-1',
      credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    });
  });

  afterAll(async () => {
    client?.destroy();
    await server?.close();
    await rm(directory, { recursive: true, force: true });
  });

  storeContract(
    'S3Store (local s3rver)',
    async () => {
      const bucket = `local-${++buckets}`;
      await client.send(new CreateBucketCommand({ Bucket: bucket }));
      return new S3Store({ client, bucket });
    },
    { conditionalWrites: false, opaqueKeys: true },
  );

  it('never stores a key outside its folder, and keeps concurrent writes of one key whole', async () => {
    const bucket = `local-${++buckets}`;
    await client.send(new CreateBucketCommand({ Bucket: bucket }));
    const store = new S3Store({ client, bucket });
    await store.put('incoming/../../../escaped.txt', 'planted');
    expect(await readdir(directory)).not.toContain('escaped.txt');
    expect(await store.list('incoming/')).toEqual(['incoming/../../../escaped.txt']);
    const bodies = Array.from({ length: 16 }, (_, i) => String(i).repeat(200_000 + i));
    await Promise.all(bodies.map((body) => store.put('briefs/latest.json', body)));
    const back = text(await store.get('briefs/latest.json'));
    expect(bodies).toContain(back);
    const head = await store.head('briefs/latest.json');
    expect(head?.etag).toBe(
      createHash('md5')
        .update(back ?? '')
        .digest('hex'),
    );
  });
});
