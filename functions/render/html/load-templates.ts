import { readdirSync, readFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { ConfigError } from '../../model/errors';
import type { TemplateSet } from './render-html';

function errorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error
    ? String((error as { code: unknown }).code)
    : undefined;
}

function readTemplateFile(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    const code = errorCode(error);
    const problem = code === 'ENOENT' ? 'is missing' : `cannot be read (${code ?? String(error)})`;
    throw new ConfigError(
      `${path} ${problem}; a template folder needs brief.hbs and brief.css (partials/*.hbs optional): copy the default templates/ folder and edit the copy`,
      { cause: error },
    );
  }
}

function readPartials(dir: string): Record<string, string> {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return {};
    throw new ConfigError(`${dir} cannot be read (${errorCode(error) ?? String(error)})`, {
      cause: error,
    });
  }
  const partials: Record<string, string> = {};
  for (const name of names.filter((file) => extname(file) === '.hbs').sort()) {
    // An editor's final newline is not part of the partial: `{{> link}}` is used inline.
    partials[basename(name, '.hbs')] = readTemplateFile(join(dir, name)).replace(/\r?\n$/, '');
  }
  return partials;
}

/**
 * Reads an HTML template folder (`brief.hbs`, `brief.css`, `partials/*.hbs` named by file name)
 * so users can restyle the brief without touching code. The filesystem edge of rendering: call
 * it once per process and reuse the returned set, which `renderHtml` compiles once. Throws
 * `ConfigError` naming the missing or unreadable file and how to fix it.
 */
export function loadTemplates(dir: string): TemplateSet {
  return {
    page: readTemplateFile(join(dir, 'brief.hbs')),
    css: readTemplateFile(join(dir, 'brief.css')),
    partials: readPartials(join(dir, 'partials')),
  };
}
