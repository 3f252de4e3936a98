import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ArticleRecord } from '../../functions/model/types';
import { parseUpload } from '../helpers/parse';

const seedsDir = join(process.cwd(), 'test/fixtures/seeds');

const seedFiles = readdirSync(seedsDir)
  .filter((name) => name.endsWith('.txt'))
  .sort();
const seedBytes = (prefix: string): Buffer => {
  const name = seedFiles.find((file) => file.startsWith(prefix));
  if (!name) throw new Error(`no seed ${prefix} in ${seedsDir}`);
  return readFileSync(join(seedsDir, name));
};

const parse = (bytes: Uint8Array, name: string): ArticleRecord =>
  parseUpload(bytes, `incoming/${name}`);

const seed = (prefix: string): ArticleRecord => parse(seedBytes(prefix), `${prefix}.txt`);

describe('seed 000 (TASS, "All news" crumb, dateline without a year)', () => {
  const record = seed('000');

  it('takes the headline, not the "All news" crumb, as the title', () => {
    expect(record.title).toBe(
      'UK recognizes need for cooperation with Russia, China on Afghanistan — diplomatic sources',
    );
  });

  it('credits TASS from the dateline and records LONDON as the dateline', () => {
    expect(record.source).toBe('TASS');
    expect(record.dateline).toMatch(/^LONDON\b/);
  });

  it('dates it August 30 of the upload year, marked as inferred, since the text has no full date', () => {
    expect(record.published).toBe('2026-08-30');
    expect(record.publishedInferred).toBe(true);
    expect(record.provenance.published).toBe('dateline+year-from-upload');
  });

  it('keeps the crumb, the headline and the dateline out of the text', () => {
    expect(record.text).not.toContain('All news');
    expect(record.text).not.toContain('LONDON, August 30');
    expect(record.text).not.toContain('/TASS/');
    expect(record.text.startsWith(record.title)).toBe(false);
    expect(record.text).toContain('The UK thinks that Russia and China may have the opportunity');
  });
});

describe('seed 001 ("date 2021-08-17" prefix, one paragraph per line)', () => {
  const record = seed('001');

  it('takes the title from the first line, after the date prefix', () => {
    expect(record.title).toBe(
      'Afghanistan crisis: US reaches out to Russia, China amid worries of them backing Taliban rule',
    );
  });

  it('reads the publication date from the prefix, as a stated date', () => {
    expect(record.published).toBe('2021-08-17');
    expect(record.publishedInferred).toBe(false);
  });

  it('has no source: nothing in the file names one', () => {
    expect(record.source).toBeNull();
  });

  it('keeps the date prefix out of the text and takes "Washington:" off as a dateline', () => {
    expect(record.text).not.toMatch(/date 2021-08-17/);
    expect(record.text).not.toContain('Washington: The Biden');
    expect(record.text).toContain('The Biden administration is reaching out to top rivals');
  });
});

describe('seed 002 (a URL line and no title line)', () => {
  const record = seed('002');

  it('takes the title from the URL slug', () => {
    expect(record.title).toBe(
      'China And Russia Court Taliban As Western Powers Scramble To Flee Afghanistan',
    );
  });

  it('names Forbes as the source, from the URL host, and keeps the URL', () => {
    expect(record.source).toBe('Forbes');
    expect(record.url).toBe(
      'https://www.forbes.com/sites/roberthart/2021/08/16/china-and-russia-court-taliban-as-western-powers-scramble-to-flee-afghanistan/?sh=3bb7a55d428f',
    );
  });

  it('is published 2021-08-16', () => {
    expect(record.published).toBe('2021-08-16');
  });

  it('drops the section labels and the URL from the text', () => {
    expect(record.text).not.toContain('Topline');
    expect(record.text).not.toContain('Key Facts');
    expect(record.text).not.toContain('forbes.com');
    expect(record.text).toContain('Hua Chunying, a spokesperson for China’s foreign ministry');
  });
});

describe('seed 003 (tag line, date written as "(09.17.2021)")', () => {
  const record = seed('003');

  it('is published 2021-09-17, read from the text', () => {
    expect(record.published).toBe('2021-09-17');
    expect(record.publishedInferred).toBe(false);
  });

  it('takes the first line as the title and keeps the tag line out of the text', () => {
    expect(record.title).toBe(
      'Russia and China advocate a pragmatic rapprochement with the Taliban',
    );
    expect(record.text).not.toContain('Russia and China Taliban Afghanistan');
    expect(record.text).toContain('The leaders of the SCO, led by Moscow and Beijing');
  });
});

describe('seed 004 (TASS dateline without a year, a full date later in the text)', () => {
  const record = seed('004');

  it('takes the year of the dateline from the text’s "March 30, 2021", not from the upload', () => {
    expect(record.published).toBe('2021-07-16');
    expect(record.publishedInferred).toBe(true);
    expect(record.provenance.published).toBe('dateline+year-from-text');
  });

  it('credits TASS and keeps the dateline and the crumb out of the text', () => {
    expect(record.source).toBe('TASS');
    expect(record.dateline).toMatch(/^MOSCOW\b/);
    expect(record.text).not.toContain('MOSCOW, July 16. /TASS/.');
    expect(record.text).not.toContain('/TASS/');
    expect(record.text).not.toContain('All news');
    expect(record.title).toBe(
      'Russia, Central Asian states call for intra-Afghan talks — statement',
    );
  });
});

describe('every seed', () => {
  const records = seedFiles.map((name) => ({
    name,
    record: parse(readFileSync(join(seedsDir, name)), name),
  }));

  it('finds the five seeds', () => {
    expect(records).toHaveLength(5);
  });

  it.each(seedFiles)('%s: paragraphs are separated by one blank line, none empty', (name) => {
    const { text } = parse(readFileSync(join(seedsDir, name)), name);
    expect(text).toBe(text.trim());
    expect(text).not.toMatch(/\n{3,}/);
    const paragraphs = text.split('\n\n');
    expect(paragraphs.length).toBeGreaterThanOrEqual(3);
    for (const paragraph of paragraphs) {
      expect(paragraph.trim()).not.toBe('');
      expect(paragraph).not.toContain('\n');
    }
  });

  it.each(seedFiles)('%s: sentences are non-empty and each is found in the text', (name) => {
    const record = parse(readFileSync(join(seedsDir, name)), name);
    expect(record.sentences.length).toBeGreaterThanOrEqual(5);
    for (const sentence of record.sentences) {
      expect(sentence.text.trim()).not.toBe('');
      expect(record.text).toContain(sentence.text);
    }
  });

  it('is in English', () => {
    for (const { record } of records) expect(record.language).toBe('en');
  });

  it('has a title that is not furniture and not empty', () => {
    for (const { record } of records) {
      expect(record.title.trim()).not.toBe('');
      expect(record.title).not.toBe('All news');
      expect(record.title).not.toBe('Untitled article');
    }
  });

  it('gets a different id from every other seed', () => {
    const ids = new Set(records.map(({ record }) => record.id));
    expect(ids.size).toBe(records.length);
  });

  it.each(seedFiles)('%s: the same bytes give the same id, under any name', (name) => {
    const bytes = readFileSync(join(seedsDir, name));
    const first = parse(bytes, name);
    expect(parse(bytes, name).id).toBe(first.id);
    expect(parse(bytes, `re-upload of ${name}`).id).toBe(first.id);
  });
});

describe('a re-upload of a seed with other whitespace and quotes', () => {
  /** What an editor or a copy-paste does to a file: CRLF, straight quotes, doubled spaces. */
  function retype(text: string): string {
    return text
      .replace(/[‘’]/g, "'")
      .replace(/[“”]/g, '"')
      .replace(/ (?=\S)/g, (space, offset: number) => (offset % 7 === 0 ? '  ' : space))
      .replace(/\n/g, ' \t\r\n');
  }

  it.each(['000', '002', '004'])('seed %s keeps its id', (prefix) => {
    const original = seed(prefix);
    const retyped = retype(seedBytes(prefix).toString('utf8'));
    expect(retyped).not.toBe(seedBytes(prefix).toString('utf8'));
    expect(parse(Buffer.from(retyped, 'utf8'), `${prefix}-retyped.txt`).id).toBe(original.id);
  });

  it('seed 001 keeps its id when its lines are spaced out with blank lines', () => {
    const original = seed('001');
    const spaced = seedBytes('001').toString('utf8').replace(/\n/g, '\n\n');
    expect(parse(Buffer.from(spaced, 'utf8'), '001-spaced.txt').id).toBe(original.id);
  });

  it('gets another id when a word of the text changes', () => {
    const original = seed('000');
    const edited = seedBytes('000').toString('utf8').replace('on Sunday', 'on Saturday');
    expect(parse(Buffer.from(edited, 'utf8'), '000-edited.txt').id).not.toBe(original.id);
  });
});
