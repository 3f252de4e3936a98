/**
 * Run by `npm run package` (infra/package.sh): parses each YAML data file of functions/data/
 * into a JSON twin beside it (`actors.yaml.json`, ignored by git), which the Lambda reads
 * instead of parsing the YAML at every cold start (functions/reference/load-reference.ts; ~350
 * ms of CPU saved). A twin names the SHA-256 of the text it was parsed from, so a stale one is
 * never used. Fails if a file's parse would not survive JSON unchanged. Also writes
 * `countries.json`: the fields of world-countries the reference reads (0.4 MB of its 1.4 MB).
 */

import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import type { Country } from 'world-countries';
import { parse } from 'yaml';
import { countryFields } from '../functions/reference/country-fields';
import {
  countriesTwinName,
  type ParsedTwin,
  parsedTwinPath,
  sha256Of,
} from '../functions/reference/load-reference';

const dataDir = join(process.cwd(), 'functions', 'data');
for (const name of readdirSync(dataDir).filter((file) => file.endsWith('.yaml'))) {
  const file = join(dataDir, name);
  const text = readFileSync(file, 'utf8');
  const data: unknown = parse(text);
  const json = JSON.stringify({ sha256: sha256Of(text), data } satisfies ParsedTwin);
  if (!isDeepStrictEqual((JSON.parse(json) as ParsedTwin).data, data))
    throw new Error(
      `${file}: its parse does not survive JSON (a date, -0 or the like); keep it YAML`,
    );
  writeFileSync(parsedTwinPath(file), json);
}

// The fields of world-countries the reference reads, which the Lambda package ships instead of
// the package (functions/reference/load-reference.ts `readCountries`).
const countries = JSON.parse(
  readFileSync(require.resolve('world-countries/countries.json'), 'utf8'),
) as Country[];
writeFileSync(join(dataDir, countriesTwinName), JSON.stringify(countries.map(countryFields)));
