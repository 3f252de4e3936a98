import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The rooms of `functions/` and what each may import (README "Code map"). A folder may always
 * import its own files; everything else it needs must be listed here, so no import runs up the
 * layers and no cycle can form between folders.
 */
const mayImport: Record<string, string[]> = {
  model: [],
  text: ['model'],
  reference: ['model', 'text'],
  article: ['model', 'text'],
  analysis: ['model', 'text', 'reference'],
  brief: ['model', 'text', 'reference'],
  'render/view': ['model'],
  'render/html': ['model', 'render/view'],
  'render/pdf': ['model', 'render/view'],
  'render/text': ['model', 'render/view'],
  store: ['model'],
  delivery: ['model', 'store', 'render/view', 'render/text'],
  pipeline: ['model', 'text', 'reference', 'article', 'analysis', 'brief', 'store'],
  setup: [
    'model',
    'reference',
    'article',
    'brief',
    'render/html',
    'render/pdf',
    'store',
    'delivery',
    'pipeline',
  ],
  handlers: ['model', 'article', 'pipeline', 'delivery', 'store', 'setup'],
};

/** The pure core: data in, data out. Only the loaders named below may read files. */
const coreFolders = [
  'model',
  'text',
  'reference',
  'article',
  'analysis',
  'brief',
  'render',
  'pipeline',
];
const loaders = new Set([
  'functions/reference/load-reference.ts',
  'functions/render/pdf/load-fonts.ts',
  'functions/render/html/load-templates.ts',
]);

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** The room a file of `functions/` belongs to: its folder, or `render/<kind>` under render. */
function roomOf(file: string): string {
  const parts = relative('functions', file).split(sep);
  if (parts.length === 1) return '.';
  const [top = '.', sub] = parts;
  return top === 'render' && parts.length > 2 ? `render/${sub}` : top;
}

const allFiles = sourceFiles('functions').map((file) => relative(process.cwd(), file));

const coreFiles = coreFolders
  .flatMap((folder) => sourceFiles(join('functions', folder)))
  .map((file) => relative(process.cwd(), file));

function importsOf(file: string): string[] {
  const code = readFileSync(file, 'utf8');
  return [...code.matchAll(/(?:from|import\()\s*['"](\.{1,2}\/[^'"]+)['"]/g)].map((match) =>
    relative(process.cwd(), resolve(dirname(file), match[1] ?? '')),
  );
}

describe('the layers of functions/ (README "Code map")', () => {
  it('puts every file in a room with a rule', () => {
    const unruled = allFiles.filter((file) => !(roomOf(file) in mayImport));
    expect(unruled).toEqual([]);
  });

  it.each(allFiles)('%s imports only from the rooms below it', (file) => {
    const room = roomOf(file);
    const allowed = new Set([room, ...(mayImport[room] ?? [])]);
    const upward = importsOf(file).filter((target) => !allowed.has(roomOf(target)));
    expect(upward).toEqual([]);
  });

  it('has no cycle between rooms, so each has a place in one order from model up', () => {
    const placed: string[] = [];
    let rest = Object.keys(mayImport);
    while (rest.length > 0) {
      const ready = rest.filter((room) =>
        (mayImport[room] ?? []).every((below) => placed.includes(below)),
      );
      expect(ready, `a cycle among ${rest.join(', ')}`).not.toEqual([]);
      placed.push(...ready);
      rest = rest.filter((room) => !ready.includes(room));
    }
    expect(placed[0]).toBe('model');
    expect(placed.at(-1)).toBe('handlers');
  });
});

describe('the core stays pure (docs/design.md: no AWS, no fs, no process)', () => {
  it('has core files to check', () => {
    expect(coreFiles.length).toBeGreaterThan(30);
  });

  it.each(coreFiles)('%s imports no AWS SDK', (file) => {
    expect(readFileSync(file, 'utf8')).not.toMatch(/from ['"]@aws-sdk\//);
  });

  it.each(coreFiles.filter((file) => !loaders.has(file)))(
    '%s touches no filesystem or process',
    (file) => {
      const code = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
      expect(code).not.toMatch(/from ['"](node:)?fs(\/promises)?['"]/);
      expect(code).not.toMatch(/\bprocess\.(env|cwd|argv|exit)/);
    },
  );
});
