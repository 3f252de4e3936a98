import type { PipelineDeps } from '../pipeline/pipeline-deps';
import { FsStore } from '../store/fs-store';
import type { RuntimeConfig } from './config';
import { makeDeps } from './make-deps';

/** The pipeline over a folder laid out like the bucket: the local command's store. */
export function localDeps(config: RuntimeConfig, storeDir: string): PipelineDeps {
  const deps = makeDeps(config, new FsStore(storeDir));
  // What the pipeline skips is said on stderr, as the rest of the run's problems are.
  return { ...deps, warn: (message) => console.error(`warning: ${message}`) };
}
