import { copyFileSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { configFromEnv, type RuntimeConfig } from '../../functions/setup/config';
import { readingStamp } from '../../functions/setup/reading-stamp';
import { tempDir } from '../helpers/pipeline';

/** A project folder holding a copy of our data files, and a config reading it. */
function project(): { root: string; config: RuntimeConfig } {
  const root = tempDir('brief-stamp-');
  const data = join(root, 'functions', 'data');
  mkdirSync(data, { recursive: true });
  for (const file of readdirSync('functions/data'))
    if (file.endsWith('.yaml')) copyFileSync(join('functions/data', file), join(data, file));
  return { root, config: configFromEnv({ BRIEF_ROOT: root }) };
}

describe('readingStamp', () => {
  it('is the same for the same code, data files and settings', () => {
    const { config } = project();
    expect(readingStamp('bundle-1', config)).toBe(readingStamp('bundle-1', { ...config }));
  });

  it('changes with the code, a data file, an actor or theme file, and the word and size limits', () => {
    const { root, config } = project();
    const stamp = readingStamp('bundle-1', config);
    const actors = join(root, 'my-actors.yaml');
    writeFileSync(actors, 'organisations:\n  TASS: { name: TASS, aliases: [TASS] }\n');
    const changed = [
      readingStamp('bundle-2', config),
      readingStamp('bundle-1', { ...config, actorsFile: actors }),
      readingStamp('bundle-1', { ...config, themesFile: actors }),
      readingStamp('bundle-1', { ...config, settings: { ...config.settings, minWords: 31 } }),
      readingStamp('bundle-1', { ...config, settings: { ...config.settings, maxBytes: 1024 } }),
    ];
    writeFileSync(join(root, 'functions', 'data', 'outlets.yaml'), 'example.org: Example\n');
    changed.push(readingStamp('bundle-1', config));
    expect(new Set([stamp, ...changed]).size).toBe(changed.length + 1);
  });

  it('ignores what packaging derives from the data files (their JSON twins, countries.json)', () => {
    const { root, config } = project();
    const stamp = readingStamp('bundle-1', config);
    writeFileSync(join(root, 'functions', 'data', 'actors.yaml.json'), '{}');
    writeFileSync(join(root, 'functions', 'data', 'countries.json'), '[]');
    expect(readingStamp('bundle-1', config)).toBe(stamp);
  });
});
