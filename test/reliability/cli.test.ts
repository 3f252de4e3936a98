import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BriefModel } from '../../functions/model/types';
import { tempDir } from '../helpers/pipeline';
import { degenerateLine, goodArticle, nestedHtml } from './hostile-inputs';

const run = promisify(execFile);
const tsx = join(process.cwd(), 'node_modules', '.bin', 'tsx');
const cli = join(process.cwd(), 'functions', 'handlers', 'cli.ts');

/**
 * The same caps on the local command, where one file never takes the run down: a folder of
 * hostile files and one good article still gives a brief, and every hostile file is reported
 * with its reason.
 */
describe('npm run brief on a folder of hostile files', () => {
  let work: string;
  let code: number;
  let stdout: string;
  let stderr: string;
  let model: BriefModel;
  const longName = `${'Заявление '.repeat(13)}.txt`; // 250 bytes: its rejection key needs a hash

  beforeAll(async () => {
    work = tempDir('brief-hostile-');
    const inputs = join(work, 'in');
    mkdirSync(inputs);
    writeFileSync(join(inputs, 'good.txt'), goodArticle);
    writeFileSync(join(inputs, 'nested-5000.html'), nestedHtml(5_000));
    writeFileSync(join(inputs, 'nested-20000.html'), nestedHtml(20_000));
    writeFileSync(join(inputs, 'degenerate.txt'), degenerateLine(1_500_000));
    writeFileSync(join(inputs, longName), 'Too short to be an article.');
    // A second folder whose file the local store cannot hold (incoming/clash.txt is a file, so
    // incoming/clash.txt/inner.txt cannot be written): its ingest fails, the run goes on.
    writeFileSync(join(inputs, 'clash.txt'), 'Too short as well.');
    const more = join(work, 'more');
    mkdirSync(join(more, 'clash.txt'), { recursive: true });
    writeFileSync(join(more, 'clash.txt', 'inner.txt'), goodArticle.replace('Friday', 'Saturday'));
    try {
      const args = [cli, inputs, more, '--out', join(work, 'out'), '--store', join(work, 'store')];
      const result = await run(tsx, [...args, '--edition', '2026-11-22'], {
        env: { ...process.env, INIT_CWD: process.cwd() },
        maxBuffer: 16 * 1024 * 1024,
      });
      ({ stdout, stderr } = result);
      code = 0;
    } catch (error) {
      ({ code, stdout, stderr } = error as { code: number; stdout: string; stderr: string });
    }
    model = JSON.parse(readFileSync(join(work, 'out', 'brief.json'), 'utf8')) as BriefModel;
  }, 180_000);

  it('builds the brief from the good article and exits 0', () => {
    expect(code, stderr).toBe(0);
    expect(model.articles.map((article) => article.key)).toEqual(['incoming/good.txt']);
  });

  it('prints one line per hostile file with its reason', () => {
    expect(stdout).toMatch(
      /^rejected incoming\/nested-5000\.html: the page nests elements 5,003 deep \(the limit is 500\)/m,
    );
    expect(stdout).toMatch(
      /^rejected incoming\/nested-20000\.html: the page nests elements 20,003 deep/m,
    );
    expect(stdout).toMatch(
      /^rejected incoming\/degenerate\.txt: the file holds 1,500,008 characters of text \(the limit for a \.txt file is 500,000\)/m,
    );
    expect(stdout).toContain(`rejected incoming/${longName}: too short to be an article`);
    expect(stdout).toMatch(
      /^rejected incoming\/clash\.txt\/inner\.txt: could not be ingested \(.+\)$/m,
    );
  });

  it('lists the files that have a rejection record under "not included"', () => {
    expect(model.rejected.map((rejection) => rejection.key).sort()).toEqual(
      [
        'incoming/clash.txt',
        'incoming/degenerate.txt',
        'incoming/nested-20000.html',
        'incoming/nested-5000.html',
        `incoming/${longName}`,
      ].sort(),
    );
  });
});
