import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

describe('peakRssKb (the peak memory the benches and the CLI print)', () => {
  it("counts a process's own memory, not its parent's at the fork", () => {
    const { parentPeakKb, child } = JSON.parse(
      execFileSync(process.execPath, ['--import', 'tsx', 'test/fixtures/peak-memory/parent.ts'], {
        encoding: 'utf8',
      }),
    ) as { parentPeakKb: number; child: { peakKb: number; maxRssKb: number } };
    const mb = 1024;
    expect(parentPeakKb).toBeGreaterThan(300 * mb);
    // What maxRSS says of the child: at least the 300 MB its parent held when it forked.
    expect(child.maxRssKb).toBeGreaterThan(300 * mb);
    // What the child used: a Node process with tsx, well under that.
    expect(child.peakKb).toBeGreaterThan(20 * mb);
    expect(child.peakKb).toBeLessThan(200 * mb);
  });
});
