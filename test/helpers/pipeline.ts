import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import type { PipelineDeps } from '../../functions/pipeline/pipeline-deps';
import { configFromEnv } from '../../functions/setup/config';
import { makeDeps } from '../../functions/setup/make-deps';
import { FsStore } from '../../functions/store/fs-store';
import type { Store } from '../../functions/store/store';

/** Pipeline deps as the handlers build them, over the given store and a fixed clock. */
export function testDeps(store: Store, now = new Date('2026-11-22T07:30:00Z')): PipelineDeps {
  return makeDeps(configFromEnv({ BRIEF_ROOT: process.cwd() }), store, () => now);
}

/** A store in a fresh temporary folder, removed when the test run ends. */
export function tempFsStore(): FsStore {
  return new FsStore(tempDir('brief-store-'));
}

const made: string[] = [];

/** A fresh temporary folder, removed when the test file has run. */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});
