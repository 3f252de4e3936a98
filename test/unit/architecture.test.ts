import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/** The pure core: data in, data out. Only the loaders named below may read files. */
const coreFolders = ['core', 'article', 'analysis', 'brief', 'reference', 'render'];
const loaders = new Set([
  'functions/reference/load-reference.ts',
  'functions/render/load-fonts.ts',
  'functions/render/load-templates.ts',
]);

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

const coreFiles = coreFolders
  .flatMap((folder) => sourceFiles(join('functions', folder)))
  .map((file) => relative(process.cwd(), file));

describe('the core stays pure (DESIGN.md: no AWS, no fs, no process)', () => {
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
