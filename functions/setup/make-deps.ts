import type { PipelineDeps } from '../pipeline/pipeline-deps';
import type { Store } from '../store/store';
import type { RuntimeConfig } from './config';
import { makePipelineDeps } from './make-pipeline-deps';
import { makeRenderers } from './make-renderers';

/**
 * Wires the whole pipeline: reads the reference data, templates and fonts once (per process or
 * cold start) and pairs them with the given store.
 */
export function makeDeps(
  config: RuntimeConfig,
  store: Store,
  clock: () => Date = () => new Date(),
): PipelineDeps {
  return makePipelineDeps(config, store, makeRenderers(config), clock);
}
