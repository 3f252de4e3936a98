import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type ExpectedRecord, listCases, runCase } from '../fixtures/ingest/cases';
import { reference } from '../helpers/reference';

// One test per folder of test/fixtures/ingest; `npm run fixtures:update` rewrites expectations.
describe('ingestion fixture cases', () => {
  it.each(listCases().map((item) => [item.name, item] as const))('%s', async (_name, item) => {
    const expectedPath = join(item.dir, 'expected.json');
    expect(existsSync(expectedPath), `${expectedPath} missing: run npm run fixtures:update`).toBe(
      true,
    );
    const expected = JSON.parse(readFileSync(expectedPath, 'utf8')) as ExpectedRecord;
    expect(await runCase(item, reference())).toEqual(expected);
  });
});
