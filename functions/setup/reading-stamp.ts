import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RuntimeConfig } from './config';

/**
 * What decides how an upload is read, as one digest (`PipelineDeps.readWith`): `code` (the
 * key of the command's bundle, made of its sources and installed packages), the bytes of our
 * data files and of the user's actor and theme files, and the settings a reading depends on.
 * A local re-run reuses the records stamped with the same digest and reads their uploads again
 * after any change.
 */
export function readingStamp(code: string, config: RuntimeConfig): string {
  const hash = createHash('sha256').update(`code ${code}\n`);
  const add = (label: string, file: string | undefined) => {
    const bytes = file ? readFileSync(file) : Buffer.alloc(0);
    hash.update(`${label} ${file ? bytes.length : 'none'}\n`).update(bytes);
  };
  const dataDir = join(config.root, 'functions', 'data');
  // The YAML files only: their JSON twins and countries.json are what `npm run package`
  // derives from them and from world-countries (its version is in the code's key).
  const yamlFiles = readdirSync(dataDir).filter((file) => file.endsWith('.yaml'));
  for (const name of yamlFiles.sort()) add(`data/${name}`, join(dataDir, name));
  add('actors', config.actorsFile);
  add('themes', config.themesFile);
  const { minWords, maxBytes } = config.settings;
  hash.update(JSON.stringify({ minWords, maxBytes }));
  return hash.digest('hex').slice(0, 16);
}
