import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseUpload as parseAnyUpload } from '../../functions/article/parse-upload';
import { readDocument } from '../../functions/article/read-document';
import { ArticleRejectedError } from '../../functions/model/errors';
import { caseInput } from '../fixtures/ingest/cases';
import { parseUpload, receivedAt } from '../helpers/parse';
import { reference } from '../helpers/reference';

const badDir = join(process.cwd(), 'test/fixtures/bad');
const bad = (name: string) => readFileSync(join(badDir, name));
const noTextPage = () => caseInput('video-page-no-text');
const utf8 = (text: string) => Buffer.from(text, 'utf8');
const accepted = '.txt, .md, .html, .htm, .json, .pdf, .docx or .eml';

const article = readFileSync(join(process.cwd(), 'test/fixtures/seeds/000_4c66cd66b4ac9d7a.txt'));

const parse = (bytes: Uint8Array, key: string) => parseUpload(bytes, key);

/** Parses an upload that must be rejected and returns the error, checked to be a rejection. */
function rejection(bytes: Uint8Array, key: string): ArticleRejectedError {
  let thrown: unknown;
  try {
    parse(bytes, key);
  } catch (error) {
    thrown = error;
  }
  if (thrown === undefined) throw new Error(`${key} was accepted, not rejected`);
  expect(thrown).toBeInstanceOf(ArticleRejectedError);
  const error = thrown as ArticleRejectedError;
  expect(error.name).toBe('ArticleRejectedError');
  expect(error.message.startsWith(`${key}: `)).toBe(true);
  return error;
}

/** The same through the asynchronous entry point ingest uses, which also reads PDF, Word and e-mail. */
async function rejectionOfUpload(bytes: Uint8Array, key: string): Promise<ArticleRejectedError> {
  const thrown = await parseAnyUpload(bytes, {
    key,
    edition: '2026-11-22',
    receivedAt,
    reference: reference(),
    minWords: 30,
    readDocument,
  }).then(
    () => undefined,
    (error: unknown) => error,
  );
  if (thrown === undefined) throw new Error(`${key} was accepted, not rejected`);
  expect(thrown).toBeInstanceOf(ArticleRejectedError);
  const error = thrown as ArticleRejectedError;
  expect(error.message.startsWith(`${key}: `)).toBe(true);
  return error;
}

describe('empty uploads', () => {
  it('rejects a zero-byte file as empty', () => {
    expect(rejection(bad('empty.txt'), 'incoming/empty.txt').message).toMatch(/\bempty\b/);
  });

  it('calls an empty file empty whatever its extension', () => {
    expect(rejection(new Uint8Array(), 'incoming/notes.md').message).toMatch(/\bempty\b/);
    expect(rejection(new Uint8Array(), 'incoming/page.html').message).toMatch(/\bempty\b/);
  });
});

describe('binary content under a text name', () => {
  it.each([
    ['a PNG', 'incoming/photo.txt', 'pixel.png'],
    ['a Word zip', 'incoming/report.txt', 'report.docx'],
    ['a Word zip', 'incoming/report.html', 'report.docx'],
    ['a Word zip', 'incoming/report.md', 'report.docx'],
  ])('rejects %s uploaded as %s as binary', (_what, key, fixture) => {
    const { message } = rejection(bad(fixture), key);
    expect(message).toMatch(/\bbinary\b/);
    expect(message).toContain(accepted);
  });
});

describe('unsupported extensions', () => {
  it.each([
    ['incoming/photo.jpg', '.jpg'],
    ['incoming/setup.exe', '.exe'],
    ['incoming/pixel.png', '.png'],
    ['incoming/report.doc', '.doc'],
    ['incoming/report.rtf', '.rtf'],
    ['incoming/report.odt', '.odt'],
    ['incoming/archive.tar.gz', '.gz'],
  ])('rejects %s naming %s and listing what is accepted', async (key, extension) => {
    const bytes = key.startsWith('incoming/report.') ? bad('report.docx') : article;
    const { message } = await rejectionOfUpload(bytes, key);
    expect(message).toContain(`${extension} `);
    expect(message).toContain('not supported');
    expect(message).toContain(accepted);
  });

  it('rejects a file without an extension, saying so', () => {
    const { message } = rejection(article, 'incoming/README');
    expect(message).toContain('without an extension');
    expect(message).toContain(accepted);
  });

  it('accepts the supported extensions whatever their case', () => {
    expect(parse(article, 'incoming/COPY.TXT').format).toBe('txt');
    expect(parse(article, 'incoming/copy.Text').format).toBe('txt');
    expect(parse(article, 'incoming/copy.markdown').format).toBe('md');
  });
});

describe('too little text', () => {
  it('rejects a text that is too short, saying how many words it has and needs', () => {
    const { message } = rejection(bad('too-short.txt'), 'incoming/too-short.txt');
    expect(message).toMatch(/too short/);
    expect(message).toMatch(/\(13 words; at least 30 are needed\)/);
  });

  it('rejects a short JSON body the same way', () => {
    const json = utf8(JSON.stringify({ title: 'Talks', body: 'Talks resumed in Doha on Monday.' }));
    expect(rejection(json, 'incoming/short.json').message).toMatch(/\(6 words; at least 30/);
  });

  it('rejects a saved page with no text as having no article text', () => {
    const { message } = rejection(noTextPage(), 'incoming/no-text.html');
    expect(message).toContain('no article text');
  });

  it.each([
    ['incoming/blank.txt', '   \n\n\t\n'],
    ['incoming/crumbs.txt', 'All news\n\nShare\n\nRead more\n'],
    ['incoming/empty-body.json', JSON.stringify({ title: 'Talks in Doha', body: '  ' })],
    [
      'incoming/empty.html',
      '<!doctype html><html><head><title>x</title></head><body></body></html>',
    ],
  ])('rejects %s as having no article text', (key, content) => {
    expect(rejection(utf8(content), key).message).toContain('no article text');
  });
});

describe('every rejection', () => {
  const uploads: [string, Uint8Array][] = [
    ['incoming/empty.txt', bad('empty.txt')],
    ['incoming/photo.txt', bad('pixel.png')],
    ['incoming/photo.jpg', bad('pixel.png')],
    ['incoming/report.docx', bad('report.docx')],
    ['incoming/SCAN.PDF', article],
    ['incoming/no-extension', article],
    ['incoming/too-short.txt', bad('too-short.txt')],
    ['incoming/no-text.html', noTextPage()],
    ['incoming/broken.json', utf8('{"body": ')],
    ['incoming/wrong-shape.json', utf8('{"title": ["a"]}')],
    ['incoming/nested/folder/name with spaces.txt', new Uint8Array()],
  ];

  it.each(uploads)(
    '%s: is an ArticleRejectedError whose message starts with the key',
    async (key, bytes) => {
      const error = await rejectionOfUpload(bytes, key);
      expect(error.message.length).toBeGreaterThan(key.length + 10);
    },
  );

  it('tells the uploader what to do', async () => {
    for (const [key, bytes] of uploads) {
      expect((await rejectionOfUpload(bytes, key)).message).toMatch(
        /; (upload|fix|save)\b|are needed\)$/,
      );
    }
  });
});
