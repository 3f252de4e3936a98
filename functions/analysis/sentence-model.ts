import type model from 'wink-eng-lite-web-model';

let loaded: typeof model | null = null;

/**
 * wink's English model, loaded on first use rather than at import: it is 3.5 MB of code and
 * data that costs ~150 ms of CPU and ~50 MB to load (README "Deployment package"), and an
 * upload that is rejected before analysis never needs it. `require`, not `import`, so that
 * loading waits for the first call in the bundle too; the ingest package ships the model as
 * its own files beside the bundle (serverless.yml `custom.esbuild.exclude`).
 */
export function sentenceModel(): typeof model {
  loaded ??= require('wink-eng-lite-web-model') as typeof model;
  return loaded;
}
