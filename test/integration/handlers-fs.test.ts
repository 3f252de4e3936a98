import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { type CompileEvent, makeCompileHandler } from '../../functions/handlers/compile';
import { makeIngestHandler, type S3Event } from '../../functions/handlers/ingest';
import type { ArticleRecord, BriefModel, RejectionRecord } from '../../functions/model/types';
import type { FsStore } from '../../functions/store/fs-store';
import { loadEvent } from '../helpers/events';
import { tempFsStore, testDeps } from '../helpers/pipeline';

const seed = (name: string) => readFileSync(`test/fixtures/seeds/${name}`);
const text = (bytes: Uint8Array | null) => new TextDecoder().decode(bytes ?? new Uint8Array());

describe('handlers on S3 event fixtures, over the filesystem store', () => {
  let store: FsStore;
  let ingestHandler: ReturnType<typeof makeIngestHandler>;
  let compileHandler: ReturnType<typeof makeCompileHandler>;

  beforeEach(() => {
    store = tempFsStore();
    const deps = testDeps(store);
    ingestHandler = makeIngestHandler(deps);
    compileHandler = makeCompileHandler(deps);
  });

  it('ingests an upload into one article record of the event day', async () => {
    await store.put('incoming/000_4c66cd66b4ac9d7a.txt', seed('000_4c66cd66b4ac9d7a.txt'));
    const [outcome] = await ingestHandler(loadEvent<S3Event>('s3-put-seed'));
    expect(outcome?.status).toBe('ingested');
    const keys = await store.list('articles/2026-11-22/');
    expect(keys).toHaveLength(1);
    const record = JSON.parse(text(await store.get(keys[0] as string))) as ArticleRecord;
    expect(record).toMatchObject({
      key: 'incoming/000_4c66cd66b4ac9d7a.txt',
      title:
        'UK recognizes need for cooperation with Russia, China on Afghanistan — diplomatic sources',
      source: 'TASS',
    });
    expect(record.actors).toEqual(expect.arrayContaining(['GBR', 'RUS', 'CHN', 'UN', 'UNSC']));
  });

  it('changes nothing when the same event is delivered again', async () => {
    await store.put('incoming/000_4c66cd66b4ac9d7a.txt', seed('000_4c66cd66b4ac9d7a.txt'));
    const event = loadEvent<S3Event>('s3-put-seed');
    await ingestHandler(event);
    const before = await snapshot(store);
    const [again] = await ingestHandler(event);
    expect(again?.status).toBe('ingested');
    expect(await snapshot(store)).toEqual(before);
  });

  it('recognises a re-upload of the same text under another name as a duplicate', async () => {
    await store.put('incoming/000_4c66cd66b4ac9d7a.txt', seed('000_4c66cd66b4ac9d7a.txt'));
    await ingestHandler(loadEvent<S3Event>('s3-put-seed'));
    await store.put('incoming/press release — copy.txt', seed('000_4c66cd66b4ac9d7a.txt'));
    const [outcome] = await ingestHandler(loadEvent<S3Event>('s3-put-encoded-key'));
    expect(outcome).toMatchObject({
      status: 'duplicate',
      original: 'incoming/000_4c66cd66b4ac9d7a.txt',
    });
    expect(await store.list('articles/2026-11-22/')).toHaveLength(1);
  });

  it('writes a rejection record with the reason and leaves the original in place', async () => {
    // The bytes whose ETag the event names (a JPEG's first four bytes).
    const photo = new Uint8Array([0xff, 0xd8, 0xff, 0xe0]);
    await store.put('incoming/photo.jpg', photo);
    const [outcome] = await ingestHandler(loadEvent<S3Event>('s3-put-unsupported'));
    expect(outcome?.status).toBe('rejected');
    const rejection = JSON.parse(
      text(await store.get('rejected/2026-11-22/incoming/photo.jpg.json')),
    ) as RejectionRecord;
    expect(rejection.key).toBe('incoming/photo.jpg');
    expect(rejection.reason).toMatch(
      /^incoming\/photo\.jpg: \.jpg files are not supported; upload \.txt, /,
    );
    expect(await store.get('incoming/photo.jpg')).toEqual(photo);
    expect(await store.list('articles/2026-11-22/')).toEqual([]);
  });

  it('compiles the edition into briefs/<edition>/ and briefs/latest.*, and a repeat changes nothing', async () => {
    await store.put('incoming/000_4c66cd66b4ac9d7a.txt', seed('000_4c66cd66b4ac9d7a.txt'));
    await ingestHandler(loadEvent<S3Event>('s3-put-seed'));
    await store.put('incoming/photo.jpg', new Uint8Array([0xff, 0xd8, 0xff, 0xe0]));
    await ingestHandler(loadEvent<S3Event>('s3-put-unsupported'));

    const summary = await compileHandler(loadEvent<CompileEvent>('compile-manual'));
    expect(summary).toMatchObject({
      status: 'built',
      edition: '2026-11-22',
      articles: 1,
      rejected: 1,
    });
    const model = JSON.parse(text(await store.get('briefs/2026-11-22/brief.json'))) as BriefModel;
    expect(model.articles.map((article) => article.source)).toEqual(['TASS']);
    expect(model.rejected.map((rejection) => rejection.key)).toEqual(['incoming/photo.jpg']);
    expect(text(await store.get('briefs/2026-11-22/brief.html'))).toContain('<html');
    expect(text(await store.get('briefs/2026-11-22/brief.pdf')).startsWith('%PDF-')).toBe(true);
    expect(await store.get('briefs/latest.pdf')).toEqual(
      await store.get('briefs/2026-11-22/brief.pdf'),
    );

    const before = await snapshot(store);
    const again = await compileHandler(loadEvent<CompileEvent>('compile-manual'));
    expect(again.status).toBe('unchanged');
    expect(await snapshot(store)).toEqual(before);
  });

  it('compiles the day that has just ended on the morning schedule', async () => {
    const summary = await compileHandler(loadEvent<CompileEvent>('compile-schedule'));
    expect(summary.edition).toBe('2026-11-21');
    expect(summary.articles).toBe(0);
  });

  it('does not let an older edition replace briefs/latest', async () => {
    await compileHandler({ edition: '2026-11-22' });
    await compileHandler({ edition: '2026-11-20' });
    const latest = JSON.parse(text(await store.get('briefs/latest.json'))) as BriefModel;
    expect(latest.edition).toBe('2026-11-22');
  });

  it('refuses an edition that is not a date', async () => {
    await expect(compileHandler({ edition: '../../etc' })).rejects.toThrow(/not a date/);
  });
});

/**
 * Every key with its bytes, to show that a repeated event wrote nothing. The draft marker
 * (articles/_pending/) is left out: a redelivered event refreshes it on purpose, which costs
 * one draft compile that finds its inputs unchanged and rewrites nothing.
 */
async function snapshot(store: FsStore): Promise<Record<string, string>> {
  const entries: Record<string, string> = {};
  for (const key of await store.list('')) {
    if (key.startsWith('articles/_pending/')) continue;
    entries[key] = Buffer.from((await store.get(key)) ?? []).toString('base64');
  }
  return entries;
}
