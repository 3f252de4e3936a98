import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument, rgb } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { ArticleRejectedError } from '../../functions/model/errors';
import type { ArticleRecord } from '../../functions/model/types';
import { receivedAt, recordOfUpload } from '../helpers/parse';
import { reference } from '../helpers/reference';

// Fixtures written by test/fixtures/formats/build-binary-fixtures.ts.
const formats = join(process.cwd(), 'test/fixtures/formats');
const fixture = (name: string) => readFileSync(join(formats, name));
const utf8 = (text: string) => Buffer.from(text, 'utf8');

const upload = (bytes: Uint8Array, key: string) =>
  recordOfUpload(bytes, {
    key,
    edition: '2026-11-22',
    receivedAt,
    reference: reference(),
    minWords: 30,
  });

async function rejection(bytes: Uint8Array, key: string): Promise<string> {
  const error = await upload(bytes, key).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  if (!error) throw new Error(`${key} was accepted, not rejected`);
  expect(error).toBeInstanceOf(ArticleRejectedError);
  const { message } = error as ArticleRejectedError;
  expect(message.startsWith(`${key}: `)).toBe(true);
  return message;
}

const paragraphsOf = (record: ArticleRecord) => record.text.split('\n\n');

describe('a press statement as PDF', () => {
  let record: ArticleRecord;
  beforeAll(async () => {
    record = await upload(fixture('statement.pdf'), 'incoming/statement.pdf');
  });

  it('is read from its text layer, titled by the document', () => {
    expect(record.format).toBe('pdf');
    expect(record.title).toBe('Joint statement on the Amu Darya water commission');
    expect(record.provenance.title).toBe('pdf-title');
    expect(record.byline).toBe('Press service of the Ministry of Foreign Affairs');
  });

  it('rebuilds paragraphs from wrapped lines, across the page break, without page numbers', () => {
    const paragraphs = paragraphsOf(record);
    expect(paragraphs).toHaveLength(5);
    expect(paragraphs[0]).toMatch(/^The foreign ministries of Uzbekistan and Turkmenistan agreed/);
    expect(paragraphs[0]).toMatch(/after two days of talks in Tashkent\.$/);
    expect(record.text).toContain(
      'which engineers in both countries say could take a large share of the river’s flow',
    );
    expect(paragraphs[3]).toMatch(/^Uzbekistan’s foreign minister said/);
    expect(record.text).not.toMatch(/Page \d/);
    expect(record.text).not.toContain('Joint statement on the Amu Darya water commission');
  });

  it('takes the dateline off and dates the statement from it', () => {
    expect(record.dateline).toBe('TASHKENT, November 19');
    expect(record.published).toBe('2026-11-19');
    expect(record.publishedInferred).toBe(true);
  });

  it('rejects the same PDF with a password, saying so', async () => {
    const message = await rejection(fixture('locked.pdf'), 'incoming/locked.pdf');
    expect(message).toContain('password-protected');
    expect(message).toContain('upload a copy without a password');
  });

  it('rejects a PDF without a text layer (a scan) as having no text', async () => {
    const pdf = await PDFDocument.create();
    pdf
      .addPage([595, 842])
      .drawRectangle({ x: 50, y: 50, width: 400, height: 600, color: rgb(0.5, 0.5, 0.5) });
    const message = await rejection(await pdf.save(), 'incoming/scan.pdf');
    expect(message).toContain('no text layer');
  });

  it('rejects a damaged PDF by name', async () => {
    const bytes = fixture('statement.pdf').subarray(0, 900);
    expect(await rejection(bytes, 'incoming/cut.pdf')).toContain('not a readable PDF');
    expect(await rejection(utf8('just some text'), 'incoming/fake.pdf')).toContain(
      'not a readable PDF',
    );
  });
});

describe('a press release as Word .docx', () => {
  let record: ArticleRecord;
  beforeAll(async () => {
    record = await upload(fixture('statement.docx'), 'incoming/statement.docx');
  });

  it('takes the first heading as the title, and keeps paragraphs and list items', () => {
    expect(record.format).toBe('docx');
    expect(record.title).toBe('Joint statement on the Amu Darya water commission');
    expect(record.dateline).toBe('TASHKENT, November 19');
    const paragraphs = paragraphsOf(record);
    expect(paragraphs[0]).toMatch(/^The foreign ministries of Uzbekistan/);
    expect(paragraphs).toContain('a quarterly meeting of the commission;');
    expect(paragraphs.at(-1)).toMatch(/before their meeting in December\.$/);
    expect(record.text).not.toMatch(/[<>]|w:t|xml/);
  });

  it('rejects something else renamed .docx as not a readable Word file', async () => {
    const png = readFileSync(join(process.cwd(), 'test/fixtures/bad/pixel.png'));
    const message = await rejection(png, 'incoming/scan.docx');
    expect(message).toContain('not a readable Word .docx file');
  });
});

describe('a forwarded newsletter as .eml', () => {
  let record: ArticleRecord;
  beforeAll(async () => {
    record = await upload(fixture('forwarded.eml'), 'incoming/forwarded.eml');
  });

  it('takes the article from the HTML part, without the forwarding note, headers or footer', () => {
    expect(record.format).toBe('eml');
    const paragraphs = paragraphsOf(record);
    expect(paragraphs).toHaveLength(3);
    expect(paragraphs[0]).toMatch(/^Kazakhstan and Kyrgyzstan agreed on Thursday/);
    for (const furniture of [
      'For tomorrow',
      'Forwarded message',
      'From:',
      'Subject:',
      'View in browser',
      'Unsubscribe',
      'receiving this newsletter',
    ])
      expect(record.text).not.toContain(furniture);
  });

  it('is titled by the subject without "Fwd:", sourced from the original sender, dated when sent', () => {
    expect(record.title).toBe('Kazakhstan and Kyrgyzstan set 2027 deadline for border demarcation');
    expect(record.source).toBe('Steppe Courier');
    expect(record.provenance.source).toBe('email-forwarded-sender');
    expect(record.published).toBe('2026-11-20');
  });

  const body =
    'Ministers of the Shanghai Cooperation Organisation met in Tashkent on Tuesday to discuss regional security, trade corridors and the situation in Afghanistan, officials said after the talks, which lasted most of the day and ended with a joint communique.';
  const email = (headers: string[], text: string) =>
    utf8(
      [
        ...headers,
        'To: desk@example.org',
        'Date: Wed, 18 Nov 2026 09:00:00 +0000',
        'MIME-Version: 1.0',
        'Content-Type: text/plain; charset=utf-8',
        '',
        text,
      ].join('\r\n'),
    );

  it("names the sender's organisation as source when the text names none", async () => {
    const plain = await upload(
      email(
        [
          'From: Aziz Karimov <a.karimov@mfa.example.uz>',
          'Organization: Ministry of Foreign Affairs of Uzbekistan',
          'Subject: RE: FW: SCO ministers meet in Tashkent',
        ],
        body,
      ),
      'incoming/sco.eml',
    );
    expect(plain.title).toBe('SCO ministers meet in Tashkent');
    expect(plain.source).toBe('Ministry of Foreign Affairs of Uzbekistan');
    expect(plain.provenance.source).toBe('email-organization');
    expect(plain.text).toBe(body);
    expect(plain.published).toBe('2026-11-18');
  });

  it('prefers the agency credit in the text to the sender', async () => {
    const credited = await upload(
      email(
        [
          'From: Aziz Karimov <a.karimov@mfa.example.uz>',
          'Organization: Ministry of Foreign Affairs of Uzbekistan',
          'Subject: SCO ministers meet',
        ],
        `TASHKENT, November 17. /TASS/. ${body}`,
      ),
      'incoming/sco-tass.eml',
    );
    expect(credited.source).toBe('TASS');
    expect(credited.published).toBe('2026-11-17');
  });

  it('leaves the source empty for a person writing for nobody in particular', async () => {
    const personal = await upload(
      email(['From: Aziz Karimov <aziz@mail.example>', 'Subject: notes'], body),
      'incoming/notes.eml',
    );
    expect(personal.source).toBeNull();
  });

  it('rejects a file that is not an e-mail and holds no text', async () => {
    const message = await rejection(utf8('\r\n\r\n'), 'incoming/blank.eml');
    expect(message).toMatch(/not an e-mail|no article text/);
  });
});

describe('limits on PDF uploads', () => {
  it('rejects a PDF of more pages than an article has, saying how many', async () => {
    const pdf = await PDFDocument.create();
    for (let i = 0; i < 101; i++) pdf.addPage([200, 200]);
    const message = await rejection(await pdf.save(), 'incoming/report.pdf');
    expect(message).toContain('101 pages');
    expect(message).toContain('the limit is 100');
  });
});
