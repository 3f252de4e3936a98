import { readDocument } from '../article/read-document';
import type { PipelineDeps } from '../pipeline/pipeline-deps';
import type { Store } from '../store/store';
import type { RuntimeConfig } from './config';
import { makePipelineDeps } from './make-pipeline-deps';
import { makeRenderers } from './make-renderers';

/**
 * Wires the whole pipeline for a local run (the CLI, `npm run dev`, the tests): reads the
 * reference data, templates and fonts once and pairs them with the given store; every upload
 * format is read. The Lambda handlers wire only what their function needs (`makePipelineDeps`).
 */
export function makeDeps(
  config: RuntimeConfig,
  store: Store,
  clock: () => Date = () => new Date(),
): PipelineDeps {
  return { ...makePipelineDeps(config, store, makeRenderers(config), clock), readDocument };
}
