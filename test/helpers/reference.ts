import { loadReference } from '../../functions/reference/load-reference';
import type { ReferenceData } from '../../functions/reference/reference-data';

let cached: ReferenceData | undefined;

/** Our reference data (gazetteer, themes, outlets), loaded once per test file. */
export function reference(): ReferenceData {
  cached ??= loadReference({ root: process.cwd() });
  return cached;
}
