import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { RejectionRecord } from '../../functions/model/types';
import { ingest } from '../../functions/pipeline/ingest';
import { rejectionKey } from '../../functions/store/bucket-layout';
import { tempFsStore, testDeps } from '../helpers/pipeline';

const seed = readFileSync('test/fixtures/seeds/000_4c66cd66b4ac9d7a.txt');

describe('the time budget of one upload', () => {
  it('rejects an upload that takes longer than BRIEF_INGEST_SECONDS, naming the stage', async () => {
    const store = tempFsStore();
    const deps = testDeps(store);
    const slow = { ...deps, settings: { ...deps.settings, ingestSeconds: 0.000001 } };
    await store.put('incoming/slow.txt', seed);
    const outcome = await ingest(slow, 'incoming/slow.txt');
    expect(outcome).toMatchObject({ status: 'rejected', key: 'incoming/slow.txt' });
    const reason = (outcome as { reason: string }).reason;
    expect(reason).toMatch(
      /^incoming\/slow\.txt: the file took too long to read \([\d.]+ s by the end of decoding; the limit is 0\.000001 s\)/,
    );
    const record = JSON.parse(
      Buffer.from(
        (await store.get(rejectionKey('2026-11-22', 'incoming/slow.txt'))) ?? [],
      ).toString(),
    ) as RejectionRecord;
    expect(record.reason).toBe(reason);
  });

  it('is 20 seconds unless set, and the seeds are ingested well within it', async () => {
    const store = tempFsStore();
    const deps = testDeps(store);
    expect(deps.settings.ingestSeconds).toBe(20);
    await store.put('incoming/seed.txt', seed);
    expect(await ingest(deps, 'incoming/seed.txt')).toMatchObject({ status: 'ingested' });
  });
});
