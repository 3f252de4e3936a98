import { describe, expect, it } from 'vitest';
import { mapWithConcurrency } from '../../functions/store/concurrency';

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('mapWithConcurrency', () => {
  it('keeps the items’ order whatever order the calls finish in', async () => {
    const items = [30, 5, 20, 0, 10, 15];
    const out = await mapWithConcurrency(items, 3, async (ms, i) => {
      await tick(ms);
      return `${i}:${ms}`;
    });
    expect(out).toEqual(['0:30', '1:5', '2:20', '3:0', '4:10', '5:15']);
  });

  it('never has more than the limit in flight, and uses it', async () => {
    let running = 0;
    let most = 0;
    await mapWithConcurrency(
      Array.from({ length: 40 }, (_, i) => i),
      8,
      async (i) => {
        running++;
        most = Math.max(most, running);
        await tick(i % 3);
        running--;
      },
    );
    expect(most).toBe(8);
  });

  it('fails with the first error and starts no more calls', async () => {
    const started: number[] = [];
    const run = mapWithConcurrency(
      Array.from({ length: 20 }, (_, i) => i),
      2,
      async (i) => {
        started.push(i);
        await tick(1);
        if (i === 3) throw new Error('item 3 failed');
        return i;
      },
    );
    await expect(run).rejects.toThrow('item 3 failed');
    await tick(20);
    expect(started.length).toBeLessThan(8);
  });

  it('maps nothing to nothing', async () => {
    expect(await mapWithConcurrency([], 4, async () => 1)).toEqual([]);
  });
});
