import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ArticleRecord, RejectionRecord } from '../../functions/model/types';
import { earlierReadings } from '../../functions/pipeline/earlier-readings';
import { type CarrierRecord, ingest } from '../../functions/pipeline/ingest';
import type { PipelineDeps } from '../../functions/pipeline/pipeline-deps';
import { readEditionRecords } from '../../functions/pipeline/read-edition';
import { articleKey, carriersPrefix } from '../../functions/store/bucket-layout';
import type { Store } from '../../functions/store/store';
import { tempFsStore, testDeps } from '../helpers/pipeline';

/**
 * An upload read again with other code, data files or settings (`PipelineDeps.readWith`, set by
 * the local command): the edition's record takes the new reading, and a re-run can tell which
 * uploads it may skip (`earlierReadings`).
 */
const edition = '2026-11-22';
const key = 'incoming/uk-afghanistan.txt';
const seed = readFileSync(join('test', 'fixtures', 'seeds', '000_4c66cd66b4ac9d7a.txt'));
const first = new Date(`${edition}T09:00:00Z`);
const later = new Date(`${edition}T11:00:00Z`);

async function recordOf(store: Store, id: string) {
  const read = await store.getWithEtag(articleKey(edition, id));
  if (!read) throw new Error(`no record ${id}`);
  return {
    record: JSON.parse(Buffer.from(read.body).toString('utf8')) as ArticleRecord,
    etag: read.etag,
  };
}

async function setUp(readWith?: string) {
  const store = tempFsStore();
  const deps: PipelineDeps = { ...testDeps(store), ...(readWith ? { readWith } : {}) };
  await store.put(key, seed);
  const outcome = await ingest(deps, key, { receivedAt: first });
  if (outcome.status !== 'ingested') throw new Error(`not ingested: ${outcome.status}`);
  return { store, deps, id: outcome.id };
}

describe('ingest of an upload whose text the edition holds already', () => {
  it('stamps the record with what read it', async () => {
    const { store, id } = await setUp('reading-1');
    expect((await recordOf(store, id)).record.readWith).toBe('reading-1');
  });

  it('leaves a record read the same way as it is, for the same event or a later one', async () => {
    const { store, deps, id } = await setUp('reading-1');
    const before = await recordOf(store, id);
    await ingest(deps, key, { receivedAt: first });
    await ingest(deps, key, { receivedAt: later });
    expect((await recordOf(store, id)).etag).toBe(before.etag);
  });

  it('rewrites a record read otherwise with the new reading, under the upload it was recorded for', async () => {
    const { store, deps, id } = await setUp('reading-1');
    const before = (await recordOf(store, id)).record;
    // What another actor file makes of the same text: the reading is stamped, so a stand-in for
    // a different analysis shows which reading the record holds.
    const reread = { ...deps, readWith: 'reading-2' };
    const outcome = await ingest(reread, key, { receivedAt: later });
    expect(outcome).toMatchObject({ status: 'ingested', id, edition });
    const after = (await recordOf(store, id)).record;
    expect(after.readWith).toBe('reading-2');
    expect(after).toMatchObject({
      key: before.key,
      receivedAt: before.receivedAt,
      upload: before.upload,
    });
    expect({ ...after, readWith: before.readWith }).toEqual(before);
    // The later upload of the key is recorded as carrying the text, as before.
    expect(await store.list(carriersPrefix(edition))).toHaveLength(1);
  });

  it('rewrites it for a retried event too', async () => {
    const { store, deps, id } = await setUp('reading-1');
    await ingest({ ...deps, readWith: 'reading-2' }, key, { receivedAt: first });
    expect((await recordOf(store, id)).record.readWith).toBe('reading-2');
    expect(await store.list(carriersPrefix(edition))).toHaveLength(0);
  });

  it('stamps a rejection the same reading would give again, not one that ran out of time', async () => {
    const store = tempFsStore();
    const deps: PipelineDeps = { ...testDeps(store), readWith: 'reading-1' };
    await store.put('incoming/short.txt', 'Too short to be an article.');
    await store.put(key, seed);
    await ingest(deps, 'incoming/short.txt', { receivedAt: first });
    const hurried = { ...deps, settings: { ...deps.settings, ingestSeconds: 1e-9 } };
    await ingest(hurried, key, { receivedAt: first });
    const rejections = await readEditionRecords(store, edition, {
      article: () => {},
      other: () => {},
      snapshot: () => {},
    });
    const stamps = Object.fromEntries(
      rejections.rejections.map((rejection) => [rejection.key, rejection.readWith ?? null]),
    );
    expect(stamps).toEqual({ 'incoming/short.txt': 'reading-1', [key]: null });
    expect(rejections.rejections.find((one) => one.key === key)?.reason).toMatch(/too long/);
  });

  it('never rewrites a record when nothing says what read it (Lambda)', async () => {
    const { store, deps, id } = await setUp();
    const before = await recordOf(store, id);
    expect(before.record.readWith).toBeUndefined();
    await ingest(deps, key, { receivedAt: later });
    expect((await recordOf(store, id)).etag).toBe(before.etag);
  });
});

describe('earlierReadings', () => {
  const text = (id: string, recordKey: string, etag: string, readWith?: string): ArticleRecord =>
    ({
      id,
      key: recordKey,
      edition,
      title: `Title of ${id}`,
      receivedAt: first.toISOString(),
      upload: { etag: `"${etag}"` },
      ...(readWith ? { readWith } : {}),
    }) as ArticleRecord;
  const carrier = (id: string, carrierKey: string, etag: string): CarrierRecord => ({
    id,
    key: carrierKey,
    edition,
    receivedAt: later.toISOString(),
    upload: { etag },
    recordKey: articleKey(edition, id),
  });
  const rejection = (rejectedKey: string, at: Date): RejectionRecord => ({
    key: rejectedKey,
    reason: `${rejectedKey}: too short`,
    at: at.toISOString(),
    edition,
  });

  it('gives each key the outcome of its newest upload recorded as an article, and its ETag', () => {
    const readings = earlierReadings(
      {
        records: [text('t1', 'incoming/a.txt', 'e1', 'r'), text('t2', 'incoming/c.txt', 'e3', 'r')],
        carriers: [carrier('t1', 'incoming/b.txt', 'e2')],
        rejections: [rejection('incoming/c.txt', later), rejection('incoming/d.txt', first)],
      },
      'r',
    );
    expect(Object.fromEntries(readings)).toEqual({
      'incoming/a.txt': {
        etag: 'e1',
        current: true,
        outcome: {
          status: 'ingested',
          key: 'incoming/a.txt',
          id: 't1',
          edition,
          title: 'Title of t1',
        },
      },
      'incoming/b.txt': {
        etag: 'e2',
        current: true,
        outcome: {
          status: 'duplicate',
          key: 'incoming/b.txt',
          id: 't1',
          edition,
          original: 'incoming/a.txt',
        },
      },
    });
  });

  it('gives a rejection stamped with what read it (a lasting verdict), and no other', () => {
    const lasting = {
      ...rejection('incoming/short.txt', later),
      upload: { etag: 'e5' },
      readWith: 'r',
    };
    const timedOut = { ...rejection('incoming/slow.txt', later), upload: { etag: 'e6' } };
    const readings = earlierReadings(
      { records: [], carriers: [], rejections: [lasting, timedOut] },
      'r',
    );
    expect(Object.fromEntries(readings)).toEqual({
      'incoming/short.txt': {
        etag: 'e5',
        current: true,
        outcome: { status: 'rejected', key: 'incoming/short.txt', edition, reason: lasting.reason },
      },
    });
  });

  it('says when a text was read otherwise, or by a run that stamped nothing', () => {
    const readings = earlierReadings(
      {
        records: [text('t1', 'incoming/a.txt', 'e1', 'old'), text('t2', 'incoming/b.txt', 'e2')],
        carriers: [],
        rejections: [],
      },
      'new',
    );
    expect([...readings.values()].map((reading) => reading.current)).toEqual([false, false]);
  });

  it('has nothing for an upload whose version is unknown', () => {
    const record = { ...text('t1', 'incoming/a.txt', 'e1', 'r') };
    delete record.upload;
    expect(earlierReadings({ records: [record], carriers: [], rejections: [] }, 'r').size).toBe(0);
  });
});
