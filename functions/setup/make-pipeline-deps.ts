import type { Renderers } from '../model/types';
import type { PipelineDeps } from '../pipeline/pipeline-deps';
import { loadReference } from '../reference/load-reference';
import type { Store } from '../store/store';
import type { RuntimeConfig } from './config';
import { logger } from './log';

/**
 * Wires the pipeline from the given store and renderers, reading the reference data once (per
 * process or cold start). Separate from `makeDeps` so the ingest handler, which never renders,
 * does not bundle or load the renderers, their templates and fonts.
 */
export function makePipelineDeps(
  config: RuntimeConfig,
  store: Store,
  renderers: Renderers,
  clock: () => Date = () => new Date(),
): PipelineDeps {
  const reference = loadReference({
    root: config.root,
    actorsFile: config.actorsFile,
    themesFile: config.themesFile,
  });
  return {
    store,
    reference,
    clock,
    settings: config.settings,
    warn: (message, fields) => logger.warn(message, fields),
    renderers,
  };
}
