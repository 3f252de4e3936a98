import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { casesDir, listCases } from '../fixtures/ingest/cases';

const fixturesDir = join(process.cwd(), 'test', 'fixtures');

function filesUnder(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    return entry.isDirectory() ? filesUnder(path) : [path];
  });
}

/**
 * Every fixture input exists once: a copy drifts from its original when only one of the two is
 * regenerated. An ingestion case whose upload is a fixture elsewhere names it in `case.yaml`
 * (test/fixtures/ingest/README.md).
 */
describe('test/fixtures', () => {
  it('holds no two byte-identical files', () => {
    const byHash = new Map<string, string[]>();
    for (const path of filesUnder(fixturesDir)) {
      const hash = createHash('sha256').update(readFileSync(path)).digest('hex');
      byHash.set(hash, [...(byHash.get(hash) ?? []), relative(process.cwd(), path)]);
    }
    const copies = [...byHash.values()].filter((paths) => paths.length > 1);
    expect(copies, 'identical files: keep one and name it from the others').toEqual([]);
  });

  it('gives every ingestion case one input: its own, or a shared fixture that exists', () => {
    // listCases throws on a folder with both or neither, or a case.yaml naming no fixture.
    const cases = listCases();
    expect(cases.length).toBeGreaterThan(0);
    for (const item of cases) {
      expect(existsSync(item.inputPath), item.name).toBe(true);
      expect(extname(item.inputPath), item.name).toBe(extname(item.input));
    }
  });

  it('keeps in a case folder only its input, case.yaml and expected.json', () => {
    const stray = listCases().flatMap((item) =>
      readdirSync(item.dir)
        .filter((file) => !/^(input\.[a-z0-9]+|case\.yaml|expected\.json)$/.test(file))
        .map((file) => relative(casesDir, join(item.dir, file))),
    );
    expect(stray).toEqual([]);
  });
});
