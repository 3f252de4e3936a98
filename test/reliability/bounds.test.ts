import { readdirSync, readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { blocksOf } from '../../functions/article/extract-body';
import {
  limits,
  repetition,
  splitLongLine,
  type TreeNode,
  treeSize,
} from '../../functions/article/limits';
import { keyFits, maxKeyBytes, rejectionKey } from '../../functions/store/bucket-layout';
import { parseUpload } from '../helpers/parse';
import { goodArticle, longUploadKey } from './hostile-inputs';

const bytes = (text: string) => Buffer.byteLength(text);

describe('rejection keys fit S3 and the local store for any upload key', () => {
  const edition = '2026-11-22';

  it('keeps rejected/<edition>/<key>.json while it fits', () => {
    expect(rejectionKey(edition, 'incoming/scans/pixel.png')).toBe(
      'rejected/2026-11-22/incoming/scans/pixel.png.json',
    );
    const multibyte = 'incoming/Заявление МИД/外交部 声明.txt';
    expect(rejectionKey(edition, multibyte)).toBe(`rejected/${edition}/${multibyte}.json`);
  });

  it('hashes a 1,017-byte key (1,042 bytes as rejected/<edition>/<key>.json) into a key under 1,024 bytes', () => {
    const key = longUploadKey(1_017);
    expect(bytes(key)).toBe(1_017);
    const rejection = rejectionKey(edition, key);
    expect(bytes(rejection)).toBeLessThanOrEqual(maxKeyBytes);
    expect(rejection).toMatch(/^rejected\/2026-11-22\/_long\/[0-9a-f]{32}-[^/]+\.json$/);
    expect(keyFits(rejection)).toBe(true);
    // Stable, and one per key.
    expect(rejectionKey(edition, key)).toBe(rejection);
    expect(rejectionKey(edition, key.replace(/x\.txt$/, 'y.txt'))).not.toBe(rejection);
  });

  it('hashes a key whose file name would pass 255 bytes with ".json", cutting names at a character', () => {
    const name = `${'外'.repeat(83)}.t`; // 251 bytes; with ".json" 256
    const rejection = rejectionKey(edition, `incoming/${name}`);
    expect(rejection).toMatch(/^rejected\/2026-11-22\/_long\/[0-9a-f]{32}-外+\.json$/);
    const tail = rejection.slice(`rejected/${edition}/_long/`.length + 33, -'.json'.length);
    expect(bytes(tail)).toBeLessThanOrEqual(100);
    expect(tail).toBe('外'.repeat(33));
  });

  it.each([999, 1_000, 1_010, 1_011, 1_017, 1_024])(
    'gives a key of at most 1,024 bytes for an upload key of %i bytes',
    (size) => {
      expect(bytes(rejectionKey(edition, longUploadKey(size)))).toBeLessThanOrEqual(maxKeyBytes);
    },
  );
});

describe('walking a page tree needs no call stack', () => {
  const deep = (depth: number) =>
    parseHTML(
      `<html><body>${'<div>'.repeat(depth)}<p>deep text</p>${'</div>'.repeat(depth)}</body></html>`,
    ).document;

  it('measures a tree 50,000 deep', () => {
    const size = treeSize(deep(50_000).documentElement as unknown as TreeNode);
    expect(size).toEqual({ elements: 50_003, depth: 50_003, textChars: 9 });
  });

  it('reads the blocks of a tree 50,000 deep (the walk that overflowed at 5,000)', () => {
    const blocks = blocksOf(deep(50_000).body as never);
    expect(blocks.map((block) => block.text)).toEqual(['deep text']);
  });
});

describe('lines, sentences and repetition', () => {
  it('splits an over-long line where a sentence ends, keeping every character but the spaces at the cuts', () => {
    const sentence = 'Russia and China met in Moscow on Tuesday to talk about Afghanistan. ';
    const line = sentence.repeat(200).trim();
    const parts = splitLongLine(line);
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) {
      expect(part.length).toBeLessThanOrEqual(limits.lineChars);
      expect(part.endsWith('Afghanistan.')).toBe(true);
    }
    expect(parts.join(' ')).toBe(line);
  });

  it('cuts a line without sentences at a space, and one without spaces anywhere', () => {
    expect(splitLongLine('word '.repeat(3_000).trim()).every((part) => part.length <= 5_000)).toBe(
      true,
    );
    expect(splitLongLine('x'.repeat(12_000)).map((part) => part.length)).toEqual([
      5_000, 5_000, 2_000,
    ]);
  });

  it('keeps a sentence of more than 1,000 characters in the text but not as a sentence', () => {
    const long = `The ministers, ${'after long talks about trade, transit, energy and security in the region, '.repeat(15)}agreed to meet again in Astana.`;
    expect(long.length).toBeGreaterThan(limits.sentenceChars);
    const record = parseUpload(Buffer.from(`${goodArticle}\n${long}\n`), 'incoming/long.txt');
    expect(record.text).toContain('agreed to meet again in Astana.');
    expect(record.sentences.some((sentence) => sentence.text.includes('Astana'))).toBe(false);
    expect(record.sentences.every((sentence) => sentence.text.length <= 1_000)).toBe(true);
  });

  it('finds no repetition in the seeds, even pasted eight times into one file', () => {
    for (const name of readdirSync('test/fixtures/seeds')) {
      const text = readFileSync(`test/fixtures/seeds/${name}`, 'utf8');
      expect(repetition(text), name).toBeNull();
      expect(repetition(`${text}\n`.repeat(8)), name).toBeNull();
    }
  });

  it('finds "the same words over and over" in a long run of one phrase', () => {
    const found = repetition(`Russia${' and China'.repeat(5_000)}.`);
    expect(found).toMatchObject({ phrase: 'and China and', distinct: 3 });
  });
});

describe('rules that used to take time out of all proportion', () => {
  it('drops a row of 30 share buttons (a pattern that backtracked exponentially)', () => {
    const row = `${'Share  '.repeat(30)}Tweet`;
    const html = `<html><body><article><p>${row}</p><p>${goodArticle.split('\n\n').slice(1).join('</p><p>')}</p></article></body></html>`;
    const record = parseUpload(Buffer.from(html), 'incoming/share.html');
    expect(record.text).not.toContain('Share');
  });

  it('reads a Markdown file of brackets and a text of 4,500 wrapped lines (each once quadratic)', () => {
    const brackets = `${'['.repeat(400_000)}\n`;
    expect(() => parseUpload(Buffer.from(brackets), 'incoming/brackets.md')).toThrow(
      /no article text could be extracted/,
    );
    const wrapped = `Talks in Moscow\n\n${'russia and china talk about trade and more\n'.repeat(4_500)}`;
    expect(() => parseUpload(Buffer.from(wrapped), 'incoming/wrapped.txt')).toThrow(
      /the text is the same words over and over/,
    );
  });

  it('rejects a text file of more than 20,000 lines before reading them', () => {
    expect(() => parseUpload(Buffer.from('1\n'.repeat(25_000)), 'incoming/lines.txt')).toThrow(
      'incoming/lines.txt: the file has 25,001 lines (the limit for a .txt file is 20,000); upload one article per file',
    );
  });
});
