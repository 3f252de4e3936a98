import { dirname, extname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

/**
 * Starts a worker thread on `file` with `data`. A built `.js` loads as it is. Under tsx (the CLI
 * and `npm run dev` run from source) a worker inherits none of tsx's hooks: it registers both
 * itself, the CommonJS one to load the TypeScript module and the ESM one so that the module's
 * lazy `import()`s (the PDF, Word and e-mail parsers, the renderers) load too. tsx's ESM API is
 * taken as its `.mjs` build: its CommonJS build registers a path that does not exist.
 */
export function startWorker(file: string, data: unknown): Worker {
  if (extname(file) !== '.ts') return new Worker(file, { workerData: data });
  const cjsHook = require.resolve('tsx/cjs/api');
  const esmHook = pathToFileURL(join(dirname(require.resolve('tsx/esm/api')), 'index.mjs')).href;
  const bootstrap = [
    `require(${JSON.stringify(cjsHook)}).register();`,
    `import(${JSON.stringify(esmHook)}).then((tsx) => {`,
    '  tsx.register();',
    `  require(${JSON.stringify(file)});`,
    '});',
  ].join('\n');
  return new Worker(bootstrap, { eval: true, workerData: data });
}
