import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, unlink } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path, { join } from 'node:path';
import { CreateBucketCommand, DeleteObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArticleRecord, RejectionRecord } from '../../functions/model/types';
import { compile, readEditionInputs } from '../../functions/pipeline/compile';
import { ingest } from '../../functions/pipeline/ingest';
import type { PipelineDeps } from '../../functions/pipeline/pipeline-deps';
import {
  legacyRejectionsIndexKey,
  legacyRejectionsKey,
  recordsSnapshotKey,
} from '../../functions/store/bucket-layout';
import { FsStore } from '../../functions/store/fs-store';
import { makeS3Client } from '../../functions/store/s3-client';
import { S3Store } from '../../functions/store/s3-store';
import type { ListedObject, ObjectVersion, Store } from '../../functions/store/store';
import { tempDir, testDeps } from '../helpers/pipeline';

const edition = '2026-11-22';
const seeds = join(process.cwd(), 'test', 'fixtures', 'seeds');
const text = (bytes: Uint8Array | null) => new TextDecoder().decode(bytes ?? new Uint8Array());

/** A store that counts the reads and listings the compile asks of the one it wraps. */
class CountingStore implements Store {
  reads: string[] = [];
  listings: string[] = [];
  constructor(readonly inner: Store) {}
  get(key: string, version?: ObjectVersion) {
    this.reads.push(key);
    return this.inner.get(key, version);
  }
  getWithEtag(key: string) {
    this.reads.push(key);
    return this.inner.getWithEtag(key);
  }
  put(key: string, body: Uint8Array | string, contentType?: string) {
    return this.inner.put(key, body, contentType);
  }
  putIfAbsent(key: string, body: Uint8Array | string, contentType?: string) {
    return this.inner.putIfAbsent(key, body, contentType);
  }
  delete(key: string) {
    return this.inner.delete(key);
  }
  putIfMatch(key: string, body: Uint8Array | string, etag: string | null, contentType?: string) {
    return this.inner.putIfMatch(key, body, etag, contentType);
  }
  head(key: string, version?: ObjectVersion) {
    return this.inner.head(key, version);
  }
  list(prefix: string) {
    this.listings.push(prefix);
    return this.inner.list(prefix);
  }
  listWithEtags(prefix: string): Promise<ListedObject[]> {
    this.listings.push(prefix);
    return this.inner.listWithEtags(prefix);
  }
  /** The record objects of the edition read since the last call. */
  takeRecordReads(): string[] {
    const reads = this.reads.filter((key) => /^(articles|rejected)\//.test(key));
    this.reads = [];
    this.listings = [];
    return reads;
  }
}

interface Opened {
  store: Store;
  remove: (key: string) => Promise<void>;
}

/** Ingests the seeds and two unusable uploads on the edition's day. */
async function ingestEdition(deps: PipelineDeps, files: string[]): Promise<void> {
  for (const file of files) {
    const key = `incoming/${file}`;
    const bytes = file.endsWith('.png')
      ? readFileSync(join(process.cwd(), 'test', 'fixtures', 'bad', 'pixel.png'))
      : readFileSync(join(seeds, file));
    await deps.store.put(key, bytes);
    await ingest(deps, key, { receivedAt: new Date(`${edition}T09:00:00Z`), edition });
  }
}

function compileReads(name: string, open: () => Promise<Opened>) {
  describe(`the compile's read stage over ${name}`, () => {
    let opened: Opened;
    let store: CountingStore;
    let deps: PipelineDeps;
    const warnings: string[] = [];
    const [first, second, third, fourth, fifth] = readdirSync(seeds).sort();

    beforeAll(async () => {
      opened = await open();
      store = new CountingStore(opened.store);
      deps = { ...testDeps(store), warn: (message) => warnings.push(message) };
      await ingestEdition(deps, [first, second, third, fourth, 'scan.png'] as string[]);
      // An object of the edition that is no article record: skipped and counted every time.
      await store.put(`articles/${edition}/notes.txt`, 'not a record');
    }, 60_000);

    it('reads every record the first time, and reuses them all when nothing changed', async () => {
      const built = await compile(deps, edition);
      expect(built.status).toBe('built');
      expect(built.model.articles).toHaveLength(4);
      expect(built.model.rejected?.map((r) => r.key).sort()).toEqual([
        `articles/${edition}/notes.txt`,
        'incoming/scan.png',
      ]);
      expect(await store.get(recordsSnapshotKey(edition))).not.toBeNull();
      store.takeRecordReads();
      expect((await compile(deps, edition)).status).toBe('unchanged');
      expect(store.takeRecordReads()).toEqual([]);
    });

    it('after 1 new, 1 changed and 1 deleted record reads only the new and the changed, and equals a full read', async () => {
      const records = await store.list(`articles/${edition}/`);
      const jsons = records.filter((key) => key.endsWith('.json'));
      const [changed, deleted] = jsons as [string, string];
      const record = JSON.parse(text(await store.get(changed))) as ArticleRecord;
      await store.put(changed, JSON.stringify({ ...record, title: `${record.title} (updated)` }));
      await opened.remove(deleted);
      await ingestEdition(deps, [fifth as string]);
      const added = (await store.list(`articles/${edition}/`)).filter(
        (key) => !records.includes(key),
      );
      expect(added).toHaveLength(1);
      store.takeRecordReads();
      const outcome = await compile(deps, edition);
      expect(outcome.status).toBe('built');
      expect(store.takeRecordReads().sort()).toEqual([changed, ...added].sort());
      const titles = outcome.model.articles.map((article) => article.title);
      expect(titles).toContain(`${record.title} (updated)`);
      expect(outcome.model.articles).toHaveLength(4);

      const incremental = await readEditionInputs(deps, edition);
      const full = await readEditionInputs(deps, edition, { snapshot: false });
      const everyRecord = [
        ...(await store.list(`articles/${edition}/`)),
        ...(await store.list(`articles/_carriers/${edition}/`)),
        ...(await store.list(`rejected/${edition}/`)),
      ].filter((key) => key.endsWith('.json'));
      expect(store.takeRecordReads().sort()).toEqual(everyRecord.sort());
      const { saved: _a, ...fromSnapshot } = incremental;
      const { saved: _b, ...fromScratch } = full;
      expect(fromSnapshot).toEqual(fromScratch);
    });

    it.each([
      ['not JSON', '{"format": 1, "entries": ['],
      ['of an older format', JSON.stringify({ format: 0, edition, entries: [] })],
      [
        'with a malformed entry',
        JSON.stringify({ format: 1, edition, entries: [{ key: 'x', etag: 1 }] }),
      ],
    ])('ignores a snapshot %s with a warning and reads every record', async (_what, body) => {
      const full = await readEditionInputs(deps, edition, { snapshot: false });
      await store.put(recordsSnapshotKey(edition), body);
      warnings.length = 0;
      store.takeRecordReads();
      const read = await readEditionInputs(deps, edition);
      await read.saved;
      const jsons = (await store.list(`articles/${edition}/`)).filter((k) => k.endsWith('.json'));
      expect(store.takeRecordReads().length).toBeGreaterThanOrEqual(jsons.length);
      expect(warnings.some((w) => w.includes('records-snapshot.json ignored'))).toBe(true);
      expect(read.articles).toEqual(full.articles);
      expect(read.rejected).toEqual(full.rejected);
      expect(read.count).toBe(full.count);
      // The snapshot is written anew, and used again.
      await readEditionInputs(deps, edition);
      expect(store.takeRecordReads()).toEqual([]);
    });

    it('reads a record that changed without its snapshot entry being trusted', async () => {
      const [key] = (await store.list(`articles/${edition}/`)).filter((k) => k.endsWith('.json'));
      const record = JSON.parse(text(await store.get(key as string))) as ArticleRecord;
      await store.put(key as string, JSON.stringify({ ...record, title: 'Retitled' }));
      store.takeRecordReads();
      const read = await readEditionInputs(deps, edition);
      await read.saved;
      expect(store.takeRecordReads()).toEqual([key]);
      expect(read.articles.map((a) => a.title)).toContain('Retitled');
    });
  });
}

function legacyLayout(name: string, open: () => Promise<Opened>) {
  describe(`rejections filed in the old layout, over ${name}`, () => {
    let store: CountingStore;
    let deps: PipelineDeps;
    const rejection = (key: string, day: string): RejectionRecord => ({
      key,
      reason: `${key}: not an article`,
      at: `${day}T08:00:00.000Z`,
      edition: day,
    });

    beforeAll(async () => {
      store = new CountingStore((await open()).store);
      deps = testDeps(store);
      await ingestEdition(deps, [readdirSync(seeds).sort()[0] as string]);
      // As the ingest of before wrote them: rejected/<upload key>.json, every edition together.
      const old = [
        ['rejected/incoming/old-scan.png.json', rejection('incoming/old-scan.png', edition)],
        [
          'rejected/_long/0123456789abcdef0123456789abcdef-long.png.json',
          rejection('incoming/long.png', edition),
        ],
        ['rejected/incoming/yesterday.png.json', rejection('incoming/yesterday.png', '2026-11-21')],
      ] as const;
      for (const [key, record] of old) await store.put(key, JSON.stringify(record));
      await store.put('rejected/incoming/broken.json', '{ not json');
    }, 60_000);

    it('are found by the first compile, which copies them by edition', async () => {
      const { model } = await compile(deps, edition);
      expect(model.rejected?.map((r) => r.key).sort()).toEqual([
        'incoming/long.png',
        'incoming/old-scan.png',
      ]);
      expect(JSON.parse(text(await store.get(legacyRejectionsIndexKey)))).toEqual({
        format: 1,
        editions: ['2026-11-21', edition],
      });
      const copy = JSON.parse(text(await store.get(legacyRejectionsKey(edition))));
      expect(copy.rejections).toHaveLength(2);
    });

    it('are read from the copy afterwards, without listing the old layout', async () => {
      store.takeRecordReads();
      const { status, model } = await compile(deps, edition);
      expect(status).toBe('unchanged');
      expect(store.listings.filter((prefix) => prefix.startsWith('rejected/'))).toEqual([
        `rejected/${edition}/`,
      ]);
      expect(store.takeRecordReads()).toEqual([]);
      expect(model.rejected).toHaveLength(2);
      const other = await compile(deps, '2026-11-21');
      expect(other.model.rejected?.map((r) => r.key)).toEqual(['incoming/yesterday.png']);
    });

    it('meet the new layout: an upload rejected again in the same edition shows once', async () => {
      await store.put('incoming/old-scan.png', readFileSync('test/fixtures/bad/pixel.png'));
      await ingest(deps, 'incoming/old-scan.png', {
        receivedAt: new Date(`${edition}T10:00:00Z`),
        edition,
      });
      const { model } = await compile(deps, edition);
      const scans = model.rejected?.filter((r) => r.key === 'incoming/old-scan.png') ?? [];
      expect(scans).toHaveLength(1);
      // The newer upload's reason, not the old record's.
      expect(scans[0]?.reason).not.toBe('incoming/old-scan.png: not an article');
    });
  });
}

const fsStore = async (): Promise<Opened> => {
  const root = tempDir('compile-read-');
  const store = new FsStore(root);
  return {
    store,
    remove: (key) => unlink(path.join(root, ...key.split('/'))),
  };
};

compileReads('FsStore', fsStore);
legacyLayout('FsStore', fsStore);

describe('over s3rver', () => {
  let server: S3rver;
  let directory: string;
  let client: S3Client;
  let endpoint: string;
  let buckets = 0;
  beforeAll(async () => {
    directory = await mkdtemp(path.join(tmpdir(), 's3rver-compile-read-'));
    server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory });
    const { port } = (await server.run()) as AddressInfo;
    endpoint = `http://127.0.0.1:${port}`;
    client = makeS3Client({
      endpoint,
      credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    });
  });
  afterAll(async () => {
    client?.destroy();
    await server?.close();
    await rm(directory, { recursive: true, force: true });
  });
  const s3Store = async (): Promise<Opened> => {
    const bucket = `compile-read-${++buckets}`;
    await client.send(new CreateBucketCommand({ Bucket: bucket }));
    return {
      store: new S3Store({ client, bucket }),
      remove: async (key) => {
        await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
      },
    };
  };
  compileReads('s3rver', s3Store);
  legacyLayout('s3rver', s3Store);
});
