import { describe, expect, it } from 'vitest';
import { makeIngestHandler, type S3Event } from '../../functions/handlers/ingest';
import type { BriefModel } from '../../functions/model/types';
import { compile } from '../../functions/pipeline/compile';
import type { PipelineDeps } from '../../functions/pipeline/pipeline-deps';
import { encodeEventKey } from '../../infra/local/s3-events';
import { syntheticArticles } from '../bench/synthetic-articles';
import { testDeps } from '../helpers/pipeline';
import { VersionedMemoryStore } from '../helpers/versioned-store';

/**
 * Overwrites, late and repeated events (issue 12, item 4), through the ingest handler with
 * the events S3 would send, over a store that keeps versions as the stack's bucket does. Every
 * order in which the events may be handled gives the same brief: each key shows its newest
 * upload, whatever text or rejection that is.
 */
const edition = '2026-11-22';
const [one, two, three] = syntheticArticles(3, edition, 11).map((article) => ({
  body: article.body,
  title: (JSON.parse(article.body) as { title: string }).title,
}));
const broken = '{"title": "Half an upload", "body": "The connection dropped';

interface Upload {
  key: string;
  versionId: string;
  etag: string;
  sequencer: string;
  time: string;
}

function setUp() {
  const store = new VersionedMemoryStore();
  const deps: PipelineDeps = testDeps(store, new Date(`${edition}T20:00:00Z`));
  const ingest = makeIngestHandler(deps);
  let clock = 0;
  /** Puts a version and returns what its event names (times a minute apart, in put order). */
  const put = async (key: string, body: string): Promise<Upload> => {
    clock++;
    const { versionId, etag } = await store.putVersion(key, body);
    const sequencer = (0x5f00000000 + clock).toString(16).toUpperCase();
    const time = new Date(Date.parse(`${edition}T09:00:00Z`) + clock * 60_000).toISOString();
    return { key, versionId, etag, sequencer, time };
  };
  const deliver = (upload: Upload) => ingest(eventOf(upload));
  const brief = async (): Promise<BriefModel> => (await compile(deps, edition)).model;
  return { store, deps, put, deliver, brief };
}

function eventOf(upload: Upload): S3Event {
  return {
    Records: [
      {
        eventTime: upload.time,
        s3: {
          object: {
            key: encodeEventKey(upload.key),
            versionId: upload.versionId,
            eTag: upload.etag,
            sequencer: upload.sequencer,
          },
        },
      },
    ],
  };
}

/** Every order of the items. */
function orders<T>(items: T[]): T[][] {
  if (items.length <= 1) return [items];
  return items.flatMap((item, i) =>
    orders([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]),
  );
}

const titlesByKey = (model: BriefModel) =>
  Object.fromEntries(model.articles.map((article) => [article.key, article.title]));

describe('ingest under overwrites and late or repeated events', () => {
  it('uses three distinct texts', () => {
    expect(new Set([one?.title, two?.title, three?.title]).size).toBe(3);
  });

  it.each(orders([0, 1, 2]).map((order) => [order.join(' ')]))(
    'records the version each event names and shows the newest upload of the key (events handled in order %s)',
    async (order) => {
      const { put, deliver, brief } = setUp();
      const uploads = [
        await put('incoming/a.json', one?.body as string),
        await put('incoming/a.json', two?.body as string),
        await put('incoming/a.json', three?.body as string),
      ];
      for (const index of order.split(' ').map(Number)) await deliver(uploads[index] as Upload);
      expect(titlesByKey(await brief())).toEqual({ 'incoming/a.json': three?.title });
    },
  );

  it.each(orders([0, 1, 2]).map((order) => [order.join(' ')]))(
    'keeps a text re-uploaded under another key after its first key was overwritten: A=1, A=2, C=1 (handled in order %s)',
    async (order) => {
      const { put, deliver, brief } = setUp();
      const uploads = [
        await put('incoming/a.json', one?.body as string),
        await put('incoming/a.json', two?.body as string),
        await put('incoming/c.json', one?.body as string),
      ];
      for (const index of order.split(' ').map(Number)) await deliver(uploads[index] as Upload);
      const model = await brief();
      expect(titlesByKey(model)).toEqual({
        'incoming/a.json': two?.title,
        'incoming/c.json': one?.title,
      });
    },
  );

  it.each(orders([0, 1, 2]).map((order) => [order.join(' ')]))(
    'keeps text 1 through C when A is overwritten after C duplicated it: A=1, C=1, A=2 (handled in order %s)',
    async (order) => {
      const { put, deliver, brief } = setUp();
      const uploads = [
        await put('incoming/a.json', one?.body as string),
        await put('incoming/c.json', one?.body as string),
        await put('incoming/a.json', two?.body as string),
      ];
      for (const index of order.split(' ').map(Number)) await deliver(uploads[index] as Upload);
      expect(titlesByKey(await brief())).toEqual({
        'incoming/a.json': two?.title,
        'incoming/c.json': one?.title,
      });
    },
  );

  it('shows one article for a text under two live keys, under the key that uploaded it first', async () => {
    const { put, deliver, brief } = setUp();
    const first = await put('incoming/a.json', one?.body as string);
    const copy = await put('incoming/c.json', one?.body as string);
    expect((await deliver(copy))[0]?.status).toBe('ingested');
    expect((await deliver(first))[0]).toMatchObject({
      status: 'duplicate',
      original: 'incoming/c.json',
    });
    expect(titlesByKey(await brief())).toEqual({ 'incoming/a.json': one?.title });
  });

  it.each([['in order'], ['the good upload’s event late']])(
    'shows the rejection, not the old article, when a good article is overwritten by a broken file (%s)',
    async (how) => {
      const { put, deliver, brief } = setUp();
      const good = await put('incoming/a.json', one?.body as string);
      const bad = await put('incoming/a.json', broken);
      const handled = how === 'in order' ? [good, bad] : [bad, good];
      for (const upload of handled) await deliver(upload);
      const model = await brief();
      expect(model.articles).toEqual([]);
      expect(model.rejected.map((r) => r.key)).toEqual(['incoming/a.json']);
      expect(model.rejected[0]?.reason).toMatch(/^incoming\/a\.json: /);
      // Fixed again: the article is back and the rejection gone, whatever came late.
      const fixed = await put('incoming/a.json', two?.body as string);
      await deliver(fixed);
      await deliver(bad);
      const after = await brief();
      expect(titlesByKey(after)).toEqual({ 'incoming/a.json': two?.title });
      expect(after.rejected).toEqual([]);
    },
  );

  it('keeps a newer rejection when an older broken upload’s event arrives late', async () => {
    const { put, deliver, store } = setUp();
    const older = await put('incoming/a.txt', 'too short');
    const newer = await put('incoming/a.txt', 'x'.repeat(5));
    await deliver(newer);
    const rejection = await store.get(`rejected/${edition}/incoming/a.txt.json`);
    await deliver(older);
    expect(await store.get(`rejected/${edition}/incoming/a.txt.json`)).toEqual(rejection);
  });

  it('writes nothing new when every event is delivered twice', async () => {
    const { put, deliver, brief, store } = setUp();
    const uploads = [
      await put('incoming/a.json', one?.body as string),
      await put('incoming/a.json', two?.body as string),
      await put('incoming/c.json', one?.body as string),
    ];
    for (const upload of uploads) await deliver(upload);
    const keys = (await store.list('')).filter((key) => !key.startsWith('articles/_pending/'));
    const bodies = await Promise.all(keys.map((key) => store.get(key)));
    for (const upload of uploads) await deliver(upload);
    const again = (await store.list('')).filter((key) => !key.startsWith('articles/_pending/'));
    expect(again).toEqual(keys);
    expect(await Promise.all(again.map((key) => store.get(key)))).toEqual(bodies);
    expect(Object.keys(titlesByKey(await brief()))).toHaveLength(2);
  });

  it('skips, with the reason, an event whose version an unversioned bucket no longer has', async () => {
    const { put, deliver, brief } = setUp();
    const first = await put('incoming/a.json', one?.body as string);
    const second = await put('incoming/a.json', two?.body as string);
    const [late] = await deliver({ ...first, versionId: '' });
    expect(late).toMatchObject({ status: 'skipped' });
    expect((late as { reason: string }).reason).toMatch(/overwritten since this event/);
    await deliver({ ...second, versionId: '' });
    expect(titlesByKey(await brief())).toEqual({ 'incoming/a.json': two?.title });
  });
});
