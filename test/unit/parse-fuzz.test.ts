import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../functions/article/decode';
import { ArticleRejectedError } from '../../functions/model/errors';
import type { ArticleRecord } from '../../functions/model/types';
import { loadReference } from '../../functions/reference/load-reference';
import { recordOfText, recordOfUpload } from '../helpers/parse';

const reference = loadReference({ root: process.cwd() });
const numRuns = 200;
const keys = ['incoming/a.txt', 'incoming/a.md', 'incoming/a.html', 'incoming/a.json'];
const anyKey = fc.constantFrom(...keys);
/** Upload times from 2000 to 2035, so "not after the upload" is tested against many days. */
const anyReceivedAt = fc.date({
  min: new Date('2000-01-01T00:00:00Z'),
  max: new Date('2035-12-31T23:59:59Z'),
  noInvalidDate: true,
});

function isCalendarDay(day: string): boolean {
  const date = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === day;
}

/** The article record contract of docs/design.md, as far as parsing decides it. */
function expectContract(record: ArticleRecord, receivedAt: Date): void {
  expect(typeof record.title).toBe('string');
  expect(record.title.trim()).not.toBe('');
  expect(record.text.trim()).not.toBe('');
  expect(record.id).toMatch(/^[0-9a-f]{16}$/);
  if (record.published !== null) {
    expect(record.published).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(isCalendarDay(record.published)).toBe(true);
    expect(record.published <= receivedAt.toISOString().slice(0, 10)).toBe(true);
  }
  expect(Array.isArray(record.sentences)).toBe(true);
  for (const sentence of record.sentences) expect(sentence.text.trim()).not.toBe('');
  expect(record.source === null || record.source.trim() !== '').toBe(true);
  expect(record.url === null || /^https?:\/\//.test(record.url)).toBe(true);
}

/**
 * Parses one upload: it must either give a record that meets the contract or be rejected with
 * `ArticleRejectedError`. Any other error fails the property. A low word minimum lets short
 * generated texts through, so records are checked as well as rejections.
 */
function parsesOrRejects(bytes: Uint8Array, key: string, receivedAt: Date): void {
  let record: ArticleRecord;
  try {
    record = recordOfText(bytes, {
      key,
      edition: receivedAt.toISOString().slice(0, 10),
      receivedAt,
      reference,
      minWords: 1,
    });
  } catch (error) {
    if (error instanceof ArticleRejectedError) {
      expect(error.message.startsWith(`${key}: `)).toBe(true);
      return;
    }
    throw error;
  }
  expectContract(record, receivedAt);
}

const utf8 = (text: string) => new TextEncoder().encode(text);

/** Pieces that steer the parsers into their rules: datelines, date lines, URLs, markup. */
const piece = fc.oneof(
  fc.constantFrom(
    'Russia',
    'said',
    'the',
    'Taliban',
    'talks',
    'in Kabul.',
    'LONDON, August 30. /TASS/.',
    'KABUL (Reuters) -',
    'Washington:',
    'February 29',
    'March 30, 2021',
    '(09.17.2021)',
    'date 2021-02-30',
    'date 2021-08-17',
    'https://www.forbes.com/%zz/a-b-c-d',
    'https://example.com/2021/02/31/talks-in-doha-resume',
    'All news',
    'Share',
    'Tags: Afghanistan',
    '.',
    '…',
    '“',
    '”',
    '# ',
    '**',
    '_',
    '> ',
    '- ',
    '[link](http://x)',
    '<p>',
    '</p>',
    '<h1>',
    '</h1>',
    '<em>',
    '</em>',
    '&amp;',
    '<script>var x = "{";</script>',
    '<html>',
    '<!doctype html>',
    '<meta property="og:title" content="">',
    '<time datetime="2999-01-01">',
    '{',
    '}',
    '"body":',
    ',',
  ),
  fc.string({ maxLength: 12 }),
);
const separator = fc.constantFrom(' ', ' ', ' ', '\n', '\n\n', '\r\n', '\t');
const articleLike = fc
  .array(fc.tuple(piece, separator), { maxLength: 40 })
  .map((parts) => parts.map(([text, sep]) => text + sep).join(''));

describe('parseArticle on untrusted input', () => {
  it('returns a valid record or rejects, for arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), anyKey, anyReceivedAt, (bytes, key, at) =>
        parsesOrRejects(bytes, key, at),
      ),
      { numRuns },
    );
  });

  it('returns a valid record or rejects, for arbitrary strings', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 200, unit: 'binary' }),
        anyKey,
        anyReceivedAt,
        (text, key, at) => parsesOrRejects(utf8(text), key, at),
      ),
      { numRuns },
    );
  });

  it('returns a valid record or rejects, for texts made of article-like pieces', () => {
    fc.assert(
      fc.property(articleLike, anyKey, anyReceivedAt, (text, key, at) =>
        parsesOrRejects(utf8(text), key, at),
      ),
      { numRuns },
    );
  });

  it('returns a valid record or rejects, for generated HTML, however malformed', () => {
    const tag = fc.constantFrom(
      ...['html', 'head', 'body', 'title', 'meta', 'script', 'style', 'noscript', 'template'],
      ...['article', 'section', 'div', 'nav', 'header', 'footer', 'p', 'br', 'h1', 'h2'],
      ...['ul', 'li', 'table', 'tr', 'td', 'blockquote', 'pre', 'a', 'span', 'svg', 'iframe'],
    );
    const { tree } = fc.letrec((tie) => ({
      tree: fc.oneof(
        { depthSize: 'small' },
        articleLike,
        fc
          .tuple(tag, fc.array(tie('tree'), { maxLength: 4 }), fc.boolean())
          .map(([name, children, closed]) =>
            [`<${name}>`, ...(children as string[]), closed ? `</${name}>` : ''].join(''),
          ),
      ),
    }));
    fc.assert(
      fc.property(
        tree as fc.Arbitrary<string>,
        fc.constantFrom('incoming/a.html', 'incoming/a.txt'),
        anyReceivedAt,
        (html, key, at) =>
          parsesOrRejects(utf8(key.endsWith('.txt') ? `<!doctype html>${html}` : html), key, at),
      ),
      {
        numRuns,
        examples: [
          // Once crashed: linkedom made the <h1> the document, and Readability threw on it.
          [
            '<h1><section><blockquote>x</blockquote></section><body></body></h1>',
            'incoming/a.html',
            new Date('2026-11-22T08:00:00Z'),
          ],
          // Once crashed: the <html> inside a script was taken for the page's own.
          ['<script><html></html></script>', 'incoming/a.html', new Date('2026-11-22T08:00:00Z')],
          ['just words, no markup at all', 'incoming/a.html', new Date('2026-11-22T08:00:00Z')],
        ],
      },
    );
  });

  it('returns a valid record or rejects, for JSON exports with odd field values', () => {
    const field = fc.oneof(articleLike, fc.jsonValue({ maxDepth: 2 }), fc.webUrl());
    const exportDocument = fc.record(
      {
        title: field,
        body: field,
        text: field,
        content: field,
        url: field,
        published: field,
        author: field,
        source: field,
        language: field,
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(exportDocument, anyReceivedAt, (document, at) =>
        parsesOrRejects(utf8(JSON.stringify(document)), 'incoming/export.json', at),
      ),
      { numRuns },
    );
  });

  it('gives the same record for the same bytes', () => {
    const receivedAt = new Date('2026-11-22T08:00:00Z');
    fc.assert(
      fc.property(articleLike, anyKey, (text, key) => {
        const parse = () => {
          try {
            return recordOfText(utf8(text), {
              key,
              edition: '2026-11-22',
              receivedAt,
              reference,
              minWords: 1,
            });
          } catch (error) {
            if (error instanceof ArticleRejectedError) return error.message;
            throw error;
          }
        };
        expect(parse()).toEqual(parse());
      }),
      { numRuns: 100 },
    );
  });
});

/** The same contract through the asynchronous entry point that also reads PDF, Word and e-mail. */
async function uploadParsesOrRejects(bytes: Uint8Array, key: string, receivedAt: Date) {
  const outcome = await recordOfUpload(bytes, {
    key,
    edition: receivedAt.toISOString().slice(0, 10),
    receivedAt,
    reference,
    minWords: 1,
  }).then(
    (record) => ({ record }),
    (error: unknown) => ({ error }),
  );
  if ('error' in outcome) {
    if (!(outcome.error instanceof ArticleRejectedError)) throw outcome.error;
    expect(outcome.error.message.startsWith(`${key}: `)).toBe(true);
    return;
  }
  expectContract(outcome.record, receivedAt);
}

const formatsDir = join(process.cwd(), 'test/fixtures/formats');
const realFiles = ['statement.pdf', 'statement.docx', 'forwarded.eml', 'locked.pdf'].map(
  (name) => ({ name, bytes: new Uint8Array(readFileSync(join(formatsDir, name))) }),
);

/** A real file with a few bytes overwritten and maybe cut short: damaged uploads. */
const damagedFile = fc
  .tuple(
    fc.constantFrom(...realFiles),
    fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 12 }),
    fc.option(fc.nat(), { nil: undefined }),
  )
  .map(([file, edits, cut]) => {
    const bytes = file.bytes.slice(0, cut === undefined ? undefined : cut % file.bytes.length);
    for (const [at, value] of edits) if (bytes.length) bytes[at % bytes.length] = value;
    return { key: `incoming/${file.name}`, bytes };
  });

describe('parseUpload on untrusted PDF, Word and e-mail uploads', () => {
  const binaryKey = fc.constantFrom('incoming/a.pdf', 'incoming/a.docx', 'incoming/a.eml');

  it('returns a valid record or rejects, for arbitrary bytes', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 400 }),
        binaryKey,
        anyReceivedAt,
        (bytes, key, at) => uploadParsesOrRejects(bytes, key, at),
      ),
      { numRuns: 100 },
    );
  });

  it('returns a valid record or rejects, for damaged real files', async () => {
    await fc.assert(
      fc.asyncProperty(damagedFile, anyReceivedAt, ({ bytes, key }, at) =>
        uploadParsesOrRejects(bytes, key, at),
      ),
      { numRuns: 60 },
    );
  });

  it('returns a valid record or rejects, for e-mails with article-like bodies', async () => {
    await fc.assert(
      fc.asyncProperty(
        articleLike,
        fc.string({ maxLength: 60 }),
        anyReceivedAt,
        (body, subject, at) =>
          uploadParsesOrRejects(
            utf8(`From: x <x@example.org>\r\nSubject: ${subject}\r\n\r\n${body}`),
            'incoming/a.eml',
            at,
          ),
      ),
      { numRuns: 100 },
    );
  });
});

describe('decoding untrusted bytes', () => {
  it('returns text or rejects the bytes as binary, never anything else', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), (bytes) => {
        try {
          expect(typeof decodeText(bytes, 'incoming/a.txt').text).toBe('string');
        } catch (error) {
          expect(error).toBeInstanceOf(ArticleRejectedError);
          expect((error as Error).message).toContain('binary');
        }
      }),
      { numRuns },
    );
  });

  it('keeps the text around invalid UTF-8 bytes intact', () => {
    const printable = fc.string({
      minLength: 1,
      maxLength: 80,
      unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)),
    });
    const junk = fc.uint8Array({ minLength: 1, maxLength: 6, min: 0x80, max: 0xff });
    fc.assert(
      fc.property(printable, junk, printable, (before, bad, after) => {
        const bytes = new Uint8Array([...utf8(before), ...bad, ...utf8(after)]);
        const { text } = decodeText(bytes, 'incoming/a.txt');
        expect(text.startsWith(before)).toBe(true);
        expect(text.endsWith(after)).toBe(true);
      }),
      {
        numRuns,
        examples: [
          // Once read as Shift_JIS (a guess at confidence 10), which swallowed the "@".
          [' ', Uint8Array.of(0x89), '@'],
          // Once read as ASCII: every high byte became U+FFFD.
          ['Caf', Uint8Array.of(0xe9, 0x20, 0x93), 'ok'],
        ],
      },
    );
  });
});
