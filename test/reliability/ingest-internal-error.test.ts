import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import type { RejectionRecord } from '../../functions/model/types';
import { ingest } from '../../functions/pipeline/ingest';
import { rejectionKey } from '../../functions/store/bucket-layout';
import { tempFsStore, testDeps } from '../helpers/pipeline';

// A bug of ours on a strange file, as the nested pages of issue 12 gave before the depth limit.
vi.mock('../../functions/analysis/analyse-article', () => ({
  analyseArticle: () => {
    throw new RangeError('Maximum call stack size exceeded');
  },
}));

describe('an error of ours while reading a file', () => {
  it('becomes a rejection naming the error, not a retry that fails the same way', async () => {
    const store = tempFsStore();
    await store.put('incoming/a.txt', readFileSync('test/fixtures/seeds/001_4a56e7ea095a686e.txt'));
    const outcome = await ingest(testDeps(store), 'incoming/a.txt');
    expect(outcome).toMatchObject({ status: 'rejected', internal: true });
    const record = JSON.parse(
      Buffer.from((await store.get(rejectionKey('2026-11-22', 'incoming/a.txt'))) ?? []).toString(),
    ) as RejectionRecord;
    expect(record.reason).toBe(
      "incoming/a.txt: the file could not be read (RangeError: Maximum call stack size exceeded); upload the article's text instead",
    );
  });

  it('still lets a store failure propagate, so Lambda retries it', async () => {
    const store = tempFsStore();
    await store.put('incoming/b.txt', 'x');
    const failing = Object.assign(Object.create(store), {
      get: async () => {
        throw new Error('network down');
      },
    });
    await expect(ingest(testDeps(failing), 'incoming/b.txt')).rejects.toThrow('network down');
  });
});
