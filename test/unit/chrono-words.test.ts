import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

describe('the words of the date-line pre-check (functions/article/chrono-words.ts)', () => {
  it("still cover every run of letters chrono-node's patterns and the filler can take", () => {
    // In a process of its own: the script watches RegExp while chrono-node loads.
    const root = process.cwd();
    const run = spawnSync(
      join(root, 'node_modules/.bin/tsx'),
      [join(root, 'infra/chrono-words.ts')],
      { encoding: 'utf8', timeout: 60_000 },
    );
    expect(run.error).toBeUndefined();
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('covers chrono-node');
  }, 90_000);
});
