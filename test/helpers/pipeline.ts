import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PipelineDeps } from '../../functions/core/pipeline-deps';
import { configFromEnv } from '../../functions/runtime/config';
import { makeDeps } from '../../functions/runtime/make-deps';
import { FsStore } from '../../functions/store/fs-store';
import type { Store } from '../../functions/store/store';

/** Pipeline deps as the handlers build them, over the given store and a fixed clock. */
export function testDeps(store: Store, now = new Date('2026-11-22T07:30:00Z')): PipelineDeps {
  return makeDeps(configFromEnv({ BRIEF_ROOT: process.cwd() }), store, () => now);
}

export function tempFsStore(): FsStore {
  return new FsStore(mkdtempSync(join(tmpdir(), 'brief-store-')));
}
