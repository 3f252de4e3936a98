import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lazyAjv } from '../../functions/model/lazy-ajv';
import type { BriefModel } from '../../functions/model/types';
import { loadReference, parsedTwinPath, sha256Of } from '../../functions/reference/load-reference';
import { configFromEnv } from '../../functions/setup/config';
import { renderersOnDemand } from '../../functions/setup/on-demand';

/** A project root holding a copy of our data files, and nothing else. */
function dataRoot(): string {
  const root = mkdtempSync(join(tmpdir(), 'brief-data-'));
  cpSync(join('functions', 'data'), join(root, 'functions', 'data'), {
    recursive: true,
    filter: (source) => !source.endsWith('.yaml.json'),
  });
  return root;
}

describe('parsed twins of the data files (written by npm run package)', () => {
  const outletsOf = (root: string) =>
    loadReference({ root }).outletsByHost.get('tass.com') ?? 'none';

  it('are read instead of the YAML when made from the same text', () => {
    const root = dataRoot();
    const file = join(root, 'functions', 'data', 'outlets.yaml');
    const text = readFileSync(file, 'utf8');
    expect(outletsOf(root)).toBe('TASS');
    // A twin that says something else, made "from" this very text, is believed: proof it is read.
    writeFileSync(
      parsedTwinPath(file),
      JSON.stringify({ sha256: sha256Of(text), data: { 'tass.com': 'From the twin' } }),
    );
    expect(outletsOf(root)).toBe('From the twin');
  });

  it('are ignored once the YAML was edited since, or when unreadable', () => {
    const root = dataRoot();
    const file = join(root, 'functions', 'data', 'outlets.yaml');
    writeFileSync(
      parsedTwinPath(file),
      JSON.stringify({ sha256: sha256Of('an older text'), data: { 'tass.com': 'Stale' } }),
    );
    expect(outletsOf(root)).toBe('TASS');
    writeFileSync(parsedTwinPath(file), '{ not json');
    expect(outletsOf(root)).toBe('TASS');
  });
});

describe('lazyAjv', () => {
  it('checks and reports like Ajv, compiling a schema only at its first check', () => {
    const ajv = lazyAjv({ allErrors: true });
    // An invalid schema is only noticed when first used: nothing is compiled at import.
    const broken = ajv.compile({ type: 'no-such-type' });
    const validate = ajv.compile<{ name: string }>({
      type: 'object',
      required: ['name'],
      properties: { name: { type: 'string' } },
    });
    expect(validate({ name: 'TASS' })).toBe(true);
    expect(validate.errors).toBeNull();
    expect(validate({ name: 3 })).toBe(false);
    expect(ajv.errorsText(validate.errors, { dataVar: 'outlet' })).toBe(
      'outlet/name must be string',
    );
    expect(() => broken({})).toThrow(/schema is invalid/);
  });
});

describe('renderersOnDemand (the compile Lambda)', () => {
  it('renders once loaded, and says so if a renderer is called before', async () => {
    const model = JSON.parse(
      readFileSync(join('test', 'fixtures', 'brief-model.json'), 'utf8'),
    ) as BriefModel;
    const { renderers, load } = renderersOnDemand(configFromEnv({ BRIEF_ROOT: process.cwd() }));
    expect(() => renderers.html(model)).toThrow(/before .*load\(\) resolved/);
    await Promise.all([load(), load()]);
    expect(renderers.html(model)).toContain(`<title>`);
    const pdf = await renderers.pdf(model);
    expect(Buffer.from(pdf).subarray(0, 5).toString()).toBe('%PDF-');
  });
});
