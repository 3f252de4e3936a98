import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { ArticleRejectedError } from '../../functions/model/errors';
import type { ArticleRecord } from '../../functions/model/types';
import { caseInput } from '../fixtures/ingest/cases';
import { parseUpload } from '../helpers/parse';

const formatsDir = join(process.cwd(), 'test/fixtures/formats');
const seedsDir = join(process.cwd(), 'test/fixtures/seeds');

const parse = (
  bytes: Uint8Array,
  name: string,
  context: Parameters<typeof parseUpload>[2] = {},
): ArticleRecord => parseUpload(bytes, `incoming/${name}`, context);

const parseFixture = (name: string) => parse(readFileSync(join(formatsDir, name)), name);
/** The input of a fixture case in test/fixtures/ingest/, parsed under the given upload name. */
const parseCase = (folder: string, name: string) => parse(caseInput(folder), name);
const utf8 = (text: string) => Buffer.from(text, 'utf8');

/** The rejection message, or a failure when the upload was accepted. */
function rejectionOf(bytes: Uint8Array, name: string): string {
  try {
    parse(bytes, name);
  } catch (error) {
    expect(error).toBeInstanceOf(ArticleRejectedError);
    const message = (error as Error).message;
    expect(message.startsWith(`incoming/${name}: `)).toBe(true);
    return message;
  }
  throw new Error(`incoming/${name} was accepted`);
}

const paragraphsOf = (record: ArticleRecord) => record.text.split('\n\n');
/** Letters an encoding mix-up leaves behind: U+FFFD, C1 controls, UTF-8 read as Latin-1. */
const mojibake = /[\uFFFD\u0080-\u009F]|Ã.|â€/;

describe('a saved news page (.html)', () => {
  const record = parseCase('news-page', 'news-page.html');

  it('is read as HTML', () => {
    expect(record.format).toBe('html');
  });

  it('takes title, source, date, URL and author from the JSON-LD NewsArticle', () => {
    expect(record.title).toBe(
      'Central Asian ministers press Taliban on Qosh Tepa canal as Amu Darya water talks open in Astana',
    );
    expect(record.source).toBe('Steppe Courier');
    expect(record.published).toBe('2026-11-20');
    expect(record.publishedInferred).toBe(false);
    expect(record.url).toBe(
      'https://www.steppecourier.example/world/2026/11/20/central-asian-ministers-press-taliban-on-qosh-tepa-canal',
    );
    expect(record.byline).toBe('Aigerim Sadykova');
    expect(record.language).toBe('en');
  });

  it('does not use the <title>, which carries the site name', () => {
    expect(record.title).not.toContain('| Steppe Courier');
  });

  it('keeps every body paragraph, the lead included, with the dateline taken off', () => {
    expect(record.dateline).toBe('ASTANA, November 20');
    const paragraphs = paragraphsOf(record);
    expect(paragraphs).toHaveLength(6);
    expect(paragraphs[0]).toMatch(
      /^The foreign ministers of Kazakhstan, Kyrgyzstan, Tajikistan, Turkmenistan and Uzbekistan pressed/,
    );
    expect(record.text).toContain('"Water must be a reason for cooperation, not for conflict,"');
    expect(record.text).toContain('alternating between Termez and Mazar-i-Sharif.');
    expect(record.text).toContain('asked for a monitoring station at the canal');
    expect(record.text).toContain('None of the five governments recognises the Taliban');
    expect(record.text).toMatch(/to prepare a draft framework on data sharing before then\.$/);
  });

  it('leaves navigation, share bar, caption, related links, footer and cookie notice out', () => {
    for (const furniture of [
      'Skip to main content',
      'Subscribe for unlimited access',
      'Energy and Water',
      'Share on Facebook',
      'Copy link',
      'Photo: press service',
      'Related stories',
      'Kabul trade fair',
      'All rights reserved',
      'Privacy policy',
      'cookies',
      'Accept all',
      'Manage preferences',
    ]) {
      expect(record.text).not.toContain(furniture);
    }
  });

  it('never lets script code into the text', () => {
    for (const code of ['dataLayer', 'googletag', 'trackingId', 'function', '@context', '{']) {
      expect(record.text).not.toContain(code);
    }
    for (const sentence of record.sentences) expect(sentence.text).not.toMatch(/googletag|\{/);
  });
});

describe('other HTML uploads', () => {
  it('reads a .htm page that omits <body>, taking its metadata from meta tags', () => {
    const record = parseCase('press-release-no-body-tag', 'press-release.htm');
    expect(record.format).toBe('html');
    expect(record.title).toBe('Kyrgyzstan and Tajikistan complete border demarcation talks');
    expect(record.published).toBe('2026-11-19');
    expect(record.url).toBe(
      'https://mfa.kg.example/en/press/2026/press-release-border-demarcation-talks',
    );
    expect(paragraphsOf(record)).toHaveLength(4);
    expect(record.text).toContain('initialled the description of the last disputed sections');
    expect(record.text).not.toContain('Ministry of Foreign Affairs of the Kyrgyz Republic ·');
  });

  it('reads an HTML fragment without <html> or <body>', () => {
    const record = parseFixture('fragment.html');
    expect(record.title).toBe('UN envoy briefs Security Council on Afghan humanitarian appeal');
    expect(paragraphsOf(record)).toHaveLength(3);
    expect(record.text).toMatch(/^The UN special envoy for Afghanistan told the Security Council/);
  });

  it('reads a .txt that holds a saved web page as HTML', () => {
    const record = parseFixture('saved-page.txt');
    expect(record.format).toBe('html');
    expect(record.title).toBe(
      'Pakistan and Afghanistan agree to reopen Torkham crossing after weeklong closure',
    );
    expect(record.source).toBe('Frontier Post Online');
    expect(record.published).toBe('2026-11-18');
    expect(record.text).not.toMatch(/[<>]/);
    expect(record.text).not.toContain('Copyright 2026');
    expect(paragraphsOf(record)).toHaveLength(3);
    expect(paragraphsOf(record)[0]).toMatch(/^Pakistan and the Taliban administration in Kabul/);
  });

  it('reads a saved page with a UTF-8 BOM before the doctype as HTML', () => {
    const bytes = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      readFileSync(join(formatsDir, 'saved-page.txt')),
    ]);
    const record = parse(bytes, 'saved-page-bom.txt');
    expect(record.format).toBe('html');
    expect(record.id).toBe(parseFixture('saved-page.txt').id);
  });

  it('keeps a plain .txt that merely mentions <html> as text', () => {
    const seed = readFileSync(join(seedsDir, '000_4c66cd66b4ac9d7a.txt'), 'utf8');
    const record = parse(
      utf8(`${seed}\n\nThe embassy site moved to a new <html> template.`),
      't.txt',
    );
    expect(record.format).toBe('txt');
  });
});

describe('a Markdown article (.md)', () => {
  const record = parseFixture('article.md');

  it('takes the "# " heading as the title, without the marker', () => {
    expect(record.format).toBe('md');
    expect(record.title).toBe('Iran hosts regional envoys on Afghanistan in Tehran');
  });

  it('turns emphasis, links, code and images into plain text', () => {
    expect(record.text).toContain(
      'Special envoys for Afghanistan from Iran, Russia, China and Pakistan met in Tehran',
    );
    expect(record.text).toContain('form an inclusive government');
    expect(record.text).toContain('according to a statement by the Iranian foreign ministry.');
    expect(record.text).toContain('discuss water with Tehran "on a technical basis"');
    expect(record.text).toContain('Russia offered to host a Moscow format round');
    expect(record.text).not.toMatch(/[*_`#]|\]\(|!\[|https?:/);
  });

  it('joins lines wrapped inside a paragraph, whatever letter the next line starts with', () => {
    expect(record.text).toContain('met in Tehran on Monday and called on the Taliban');
    expect(record.text).toContain(
      'plan attacks. They also discussed the return of refugees from Iran and Pakistan.',
    );
    const sentence = record.sentences.find((s) => s.text.includes('met in Tehran on'));
    expect(sentence?.text).toMatch(/met in Tehran on Monday and called .* foreign ministry\.$/);
  });

  it('drops the section heading but keeps list items as text', () => {
    expect(record.text).not.toContain('Water and trade');
    expect(record.text).toContain('The next meeting is planned in Islamabad in the spring.');
  });

  it('dates it from the byline line', () => {
    expect(record.published).toBe('2026-11-17');
  });

  it('reads an underlined title and a quote wrapped over several "> " lines', () => {
    const markdown = [
      'Talks resume in Doha',
      '====================',
      '',
      'The envoys of the United States and Qatar met Taliban negotiators on Monday',
      'and agreed to meet again before the end of the month.',
      '',
      '> “We will return with concrete proposals on the banking sector,” the envoy said,',
      '> adding that the talks had been useful.',
    ].join('\n');
    const quoted = parse(utf8(markdown), 'doha.md', { minWords: 10 });
    expect(quoted.title).toBe('Talks resume in Doha');
    expect(paragraphsOf(quoted)).toEqual([
      'The envoys of the United States and Qatar met Taliban negotiators on Monday and agreed to meet again before the end of the month.',
      '“We will return with concrete proposals on the banking sector,” the envoy said, adding that the talks had been useful.',
    ]);
  });
});

describe('JSON exports (.json)', () => {
  it('reads an export with "body" and its metadata fields', () => {
    const record = parseFixture('export-body.json');
    expect(record.format).toBe('json');
    expect(record.title).toBe('Qatar to host new round of talks on Afghanistan in Doha');
    expect(record.source).toBe('Gulf Wire');
    expect(record.url).toBe(
      'https://www.gulfwire.example/politics/qatar-to-host-new-round-of-afghanistan-talks',
    );
    expect(record.published).toBe('2026-11-21');
    expect(record.byline).toBe('Layla Hassan, Omar Farouk');
    expect(record.language).toBe('en');
    expect(paragraphsOf(record)).toHaveLength(3);
  });

  it('reads an export with "text", one paragraph per line', () => {
    const record = parseFixture('export-text.json');
    expect(record.title).toBe('Turkmenistan and Afghanistan sign TAPI pipeline security protocol');
    expect(record.published).toBe('2026-11-15');
    expect(paragraphsOf(record)).toEqual([
      expect.stringMatching(/^Turkmenistan and Afghanistan signed a protocol/),
      expect.stringMatching(/^The protocol was signed in Ashgabat/),
      'The pipeline is intended to carry Turkmen gas to Pakistan and India.',
    ]);
  });

  it('reads an export with "content", naming the source from the URL host', () => {
    const record = parseFixture('export-content.json');
    expect(record.title).toBe('Germany resumes consular services for Afghans in Islamabad');
    expect(record.source).toBe('DW');
    expect(record.published).toBeNull();
    expect(record.text).toMatch(/^Germany has resumed consular services/);
  });

  it('reads HTML inside "body" as markup: paragraphs kept, tags and scripts gone', () => {
    const record = parseFixture('export-html-body.json');
    expect(record.title).toBe('EU foreign ministers discuss engagement with Kabul');
    expect(record.source).toBe('Brussels Bulletin');
    expect(paragraphsOf(record)).toHaveLength(3);
    expect(record.text).toContain('calling for a stronger humanitarian presence in Kabul.');
    expect(record.text).not.toMatch(/[<>]|renderAd/);
  });

  it('strips inline markup from a body that has no paragraph tags', () => {
    const body = [
      'The Uzbek foreign minister said on Tuesday that Tashkent would <strong>not</strong> close the Termez crossing, and that the <a href="https://example.org/bridge">Friendship Bridge</a> would stay open for aid &amp; trade.',
      '',
      'He added that talks with the <em>de facto</em> authorities in Kabul on the railway to Mazar-i-Sharif would continue next month.',
    ].join('\n');
    const record = parse(utf8(JSON.stringify({ title: 'Termez stays open', body })), 'inline.json');
    expect(paragraphsOf(record)).toEqual([
      'The Uzbek foreign minister said on Tuesday that Tashkent would not close the Termez crossing, and that the Friendship Bridge would stay open for aid & trade.',
      'He added that talks with the de facto authorities in Kabul on the railway to Mazar-i-Sharif would continue next month.',
    ]);
  });

  it('falls back to the lead for the title when the export has none', () => {
    const body =
      'Kazakhstan opened a trade office in Kabul on Thursday. The office will handle grain exports, transit permits and payments for Kazakh companies that trade with Afghanistan, the ministry of trade said.';
    const record = parse(utf8(JSON.stringify({ body })), 'untitled.json');
    expect(record.title).toBe('Kazakhstan opened a trade office in Kabul on Thursday');
  });

  it('rejects invalid JSON syntax, naming the file', () => {
    const message = rejectionOf(readFileSync(join(formatsDir, 'broken.json')), 'broken.json');
    expect(message).toMatch(/^incoming\/broken\.json: not valid JSON/);
  });

  const longBody = 'The ministers met in Doha on Monday. '.repeat(10);
  it.each([
    ['a title that is not a string', { title: 42, body: longBody }, ['title must be string']],
    [
      'no body, text or content',
      { title: 'Talks in Doha' },
      ['one of "body", "text" or "content" is required'],
    ],
    [
      'a body and a URL that are not strings',
      { body: ['a', 'b'], url: 7 },
      ['body must be string', 'url must be string'],
    ],
    ['an array instead of an object', [{ body: longBody }], ['must be object']],
    ['an author that is a number', { author: 5, body: longBody }, ['author must be']],
  ])('reports %s field by field', (_what, document, expected) => {
    const message = rejectionOf(utf8(JSON.stringify(document)), 'export.json');
    expect(message).toContain('does not match the article schema');
    for (const part of expected) expect(message).toContain(part);
  });
});

describe('encodings', () => {
  const westernArticle = [
    'French envoy visits Kabul for talks on embassy security',
    '',
    'The French envoy, Jean-Frédéric Mérieux, met Taliban officials in Kabul on Tuesday. “We are here to talk about the safety of our staff and of the Afghans who worked with us,” he said.',
    '',
    'He added that France’s position on recognition had not changed, and that the café next to the old embassy would stay closed until the talks were over. The délégation will return in January.',
  ].join('\n');

  it('decodes Windows-1252 curly quotes (0x93/0x94), apostrophes and é', () => {
    const bytes = iconv.encode(westernArticle, 'windows-1252');
    expect(bytes.includes(0x93) && bytes.includes(0x94) && bytes.includes(0xe9)).toBe(true);
    const record = parse(bytes, 'envoy-1252.txt');
    expect(record.text).toContain('“We are here to talk about the safety of our staff');
    expect(record.text).toContain('Jean-Frédéric Mérieux');
    expect(record.text).toContain('France’s position');
    expect(record.text).not.toMatch(mojibake);
    expect(record.id).toBe(parse(utf8(westernArticle), 'envoy-utf8.txt').id);
  });

  it('decodes a short Windows-1252 text too', () => {
    const text =
      'Macron’s envoy meets the Taliban\n\nThe envoy called the talks “frank” at the Café Kabul.';
    const record = parse(iconv.encode(text, 'windows-1252'), 'short-1252.txt', { minWords: 5 });
    expect(record.title).toBe('Macron’s envoy meets the Taliban');
    expect(record.text).toBe('The envoy called the talks “frank” at the Café Kabul.');
  });

  it('decodes Windows-1251 Cyrillic', () => {
    const text = [
      'Лавров провёл переговоры с делегацией талибов в Москве',
      '',
      'Министр иностранных дел России Сергей Лавров провёл в Москве переговоры с делегацией движения «Талибан». Стороны обсудили ситуацию в Афганистане, безопасность на границах с государствами Центральной Азии и гуманитарную помощь населению страны.',
    ].join('\n');
    const record = parse(iconv.encode(text, 'windows-1251'), 'lavrov-1251.txt', { minWords: 20 });
    expect(record.title).toBe('Лавров провёл переговоры с делегацией талибов в Москве');
    expect(record.text).toContain('движения «Талибан»');
    expect(record.text).not.toMatch(mojibake);
    expect(record.language).toBe('ru');
  });

  const seed = readFileSync(join(seedsDir, '000_4c66cd66b4ac9d7a.txt'), 'utf8');
  const seedRecord = parse(utf8(seed), 'seed.txt');

  it.each([
    ['UTF-16LE', Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(seed, 'utf-16le')])],
    ['UTF-16BE', Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(seed, 'utf-16be')])],
    ['UTF-8', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8(seed)])],
  ])('decodes %s with a BOM to the same record as plain UTF-8', (_encoding, bytes) => {
    const record = parse(bytes, 'seed-bom.txt');
    expect(record.title).toBe(seedRecord.title);
    expect(record.text).toBe(seedRecord.text);
    expect(record.id).toBe(seedRecord.id);
    expect(record.title.charCodeAt(0)).not.toBe(0xfeff);
  });

  it.each([
    ['UTF-16LE', 'utf-16le'],
    ['UTF-16BE', 'utf-16be'],
  ])('decodes %s saved without a BOM to the same record as plain UTF-8', (_name, encoding) => {
    const record = parse(iconv.encode(seed, encoding), 'seed-utf16.txt');
    expect(record.text).toBe(seedRecord.text);
    expect(record.id).toBe(seedRecord.id);
  });

  it('still rejects binary data with NUL bytes as binary', () => {
    const bytes = Buffer.from(Array.from({ length: 64 }, (_, i) => (i % 3 === 0 ? 0 : 65 + i)));
    expect(() => parse(bytes, 'blob.txt')).toThrow(/binary/);
  });

  it('reads UTF-8 with a few damaged bytes as UTF-8, keeping the accented letters', () => {
    const good = `${westernArticle}\n\nThe talks resumed in Genève on Friday, the French foreign ministry said.`;
    const damaged = Buffer.concat([
      utf8(good),
      Buffer.from([0x93, 0x20]),
      utf8('End.'),
      Buffer.from([0xc3]),
    ]);
    const record = parse(damaged, 'damaged.txt');
    expect(record.text).toContain('Jean-Frédéric Mérieux');
    expect(record.text).toContain('resumed in Genève on Friday');
    expect(record.text).not.toMatch(/Ã.|â€/);
  });

  it.each([
    ['a lone continuation byte', [0x80]],
    ['a truncated two-byte sequence', [0xc3, 0x28]],
    ['an overlong encoding of "/"', [0xc0, 0xaf]],
    ['an encoded surrogate', [0xed, 0xa0, 0x80]],
    ['bytes that never occur in UTF-8', [0xfe, 0xff, 0xf8]],
  ])('decodes invalid UTF-8 (%s) without throwing, keeping the text around it', (_what, junk) => {
    const before =
      'Diplomats from Russia, China and Pakistan met in Doha on Monday to discuss aid.';
    const after =
      'They agreed to meet again in Tashkent in the spring to review progress on the talks.';
    const bytes = Buffer.concat([utf8(`${before} `), Buffer.from(junk), utf8(` ${after}`)]);
    const record = parse(bytes, 'junk.txt', { minWords: 10 });
    expect(record.text).toContain(before);
    expect(record.text).toContain(after);
  });
});
