import { readdir, stat } from 'node:fs/promises';
import { basename, join, relative, resolve } from 'node:path';
import { ConfigError } from '../model/errors';
import { uploadKey } from '../store/bucket-layout';

export interface InputFile {
  /** Absolute path on disk. */
  path: string;
  /** Key under `incoming/`: the path relative to the folder given, or the file name. */
  key: string;
}

/**
 * Expands the files and folders given on the command line (folders recursively, hidden files
 * and folders skipped) into the uploads to ingest, in a stable order.
 */
export async function collectInputs(inputs: string[], cwd: string): Promise<InputFile[]> {
  const files: InputFile[] = [];
  for (const input of inputs) {
    const path = resolve(cwd, input);
    const info = await stat(path).catch(() => null);
    if (!info) throw new ConfigError(`${input}: no such file or folder`);
    if (info.isDirectory()) {
      for (const file of await walk(path)) {
        files.push({
          path: file,
          key: uploadKey(relative(path, file).split(/[\\/]/).join('/')),
        });
      }
    } else {
      files.push({ path, key: uploadKey(basename(path)) });
    }
  }
  const seen = new Set<string>();
  return files.filter((file) => !seen.has(file.key) && seen.add(file.key));
}

async function walk(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith('.')) continue;
    const path = join(folder, entry.name);
    if (entry.isDirectory()) files.push(...(await walk(path)));
    else if (entry.isFile()) files.push(path);
  }
  return files;
}
