import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../../functions/model/errors';
import type { BriefItem, BriefModel } from '../../functions/model/types';
import { numberList } from '../../functions/render/pdf/format';
import { loadPdfFonts } from '../../functions/render/pdf/load-fonts';
import { renderPdf } from '../../functions/render/pdf/render-pdf';
import { makeSanitizer } from '../../functions/render/pdf/sanitize-text';
import { formatIsoDate } from '../../functions/render/view/format-date';
import { publishedLabel, webUrl } from '../../functions/render/view/sources';
import { pageInk, pdfPageCount, pdfToText, renderPagePng } from '../helpers/pdf';

const root = fileURLToPath(new URL('../../', import.meta.url));
const fixture = readFileSync(`${root}test/fixtures/brief-model.json`, 'utf8');
const freshModel = () => JSON.parse(fixture) as BriefModel;
const fonts = loadPdfFonts(root);
/** pdftotext -layout wraps and indents; compare with whitespace runs collapsed. */
const flat = (text: string) => text.replace(/\s+/g, ' ');

interface Annotations {
  uris: string[];
  /** Internal jumps (citations → Sources, "→ Key developments" → the item). */
  dests: number;
  actions: string[];
}

async function readAnnotations(bytes: Uint8Array): Promise<Annotations> {
  const doc = await PDFDocument.load(bytes);
  const found: Annotations = { uris: [], dests: 0, actions: [] };
  for (const page of doc.getPages()) {
    const annots = page.node.Annots();
    for (let i = 0; i < (annots?.size() ?? 0); i++) {
      const annot = annots?.lookup(i, PDFDict);
      const action = annot?.lookupMaybe(PDFName.of('A'), PDFDict);
      const kind = action?.lookupMaybe(PDFName.of('S'), PDFName);
      if (kind) found.actions.push(kind.asString());
      const uri = action?.lookupMaybe(PDFName.of('URI'), PDFString, PDFHexString);
      if (uri) found.uris.push(uri.decodeText());
      if (annot?.lookupMaybe(PDFName.of('Dest'), PDFArray)) found.dests++;
    }
  }
  return found;
}

/** Titles of the outline, depth first, children indented by two spaces. */
async function readOutline(bytes: Uint8Array): Promise<string[]> {
  const doc = await PDFDocument.load(bytes);
  const titles: string[] = [];
  const walk = (parent: PDFDict | undefined, depth: number) => {
    let item = parent?.lookupMaybe(PDFName.of('First'), PDFDict);
    while (item) {
      const title = item.lookupMaybe(PDFName.of('Title'), PDFString, PDFHexString)?.decodeText();
      titles.push(`${'  '.repeat(depth)}${title}`);
      walk(item, depth + 1);
      item = item.lookupMaybe(PDFName.of('Next'), PDFDict);
    }
  };
  walk(doc.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict), 0);
  return titles;
}

describe('renderPdf with the fixture model', () => {
  let bytes: Uint8Array;
  let text: string;
  beforeAll(async () => {
    bytes = await renderPdf(freshModel(), fonts);
    text = flat(pdfToText(bytes));
  });

  it('prints the masthead: title, edition date in words, coverage, handling line', () => {
    expect(text).toContain('Daily Diplomatic Brief');
    expect(text).toContain('22 November 2026');
    expect(text).toContain('3 articles from 2 sources');
    expect(text).toContain('OFFICIAL — for internal use');
  });

  it('prints every article title in Sources, Cyrillic and markup included', () => {
    for (const article of freshModel().articles) expect(text).toContain(article.title);
    expect(text).toContain('Москва и Пекин');
  });

  it('prints section, actor and theme headings', () => {
    for (const heading of ['Key developments', 'By actor', 'By theme', 'Actors × themes']) {
      expect(text).toContain(heading);
    }
    expect(text).toContain('Sources [1] TASS');
    expect(text).toContain('Russia (RUS) — in 3 articles');
    expect(text).toContain('United Kingdom (GBR) — in 2 articles');
    expect(text).toContain('Taliban (TALIBAN) — in 2 articles');
    expect(text).toContain('Diplomacy — RUS, CHN, GBR, TALIBAN');
    expect(text).toContain('Migration and evacuation — GBR');
  });

  it('numbers key developments with bold headline, text and citations', () => {
    expect(text).toMatch(/1\. China And Russia Court Taliban .* leaders of the country\. \[2\]/);
    expect(text).toContain('on the Afghan track. [1] [2]');
  });

  it('groups actor items under theme labels and points back to key developments', () => {
    expect(text).toMatch(
      /Diplomacy • Russian officials said .* recognise them\. \[3\] Humanitarian/,
    );
    expect(text).toContain('Security and terrorism • Simultaneously, the UK');
    expect(text).toContain('→ Key developments 1, 2');
    expect(text).toContain('→ see Russia, United Kingdom');
    expect(text).toContain('embassy staff. [1] → see United Kingdom');
  });

  it('keeps typographic quotes and dashes, and shows hostile markup as text', () => {
    expect(text).toContain('will “not rush” to recognise them');
    expect(text).toContain('“quoted” headline');
    expect(text).toContain(
      "<script>alert('pwned')</script> & other <b>markup</b> must show as text",
    );
  });

  it('describes each source: unknown source, inferred year, unknown date, uploaded key', () => {
    expect(text).toContain('TASS — UK recognizes need');
    expect(text).toContain('30 August 2026 (year inferred)');
    expect(text).toContain('unknown source — Москва');
    expect(text).toContain('date unknown');
    expect(text).toContain('uploaded as incoming/hostile <script>.html');
  });

  it('lists rejected uploads with their reasons', () => {
    expect(text).toContain('Not included • incoming/empty.txt — the file is empty');
    expect(text).toContain('incoming/photo.jpg — .jpg is not supported');
  });

  it('links the http(s) URL and never the javascript: one', async () => {
    const { uris, actions } = await readAnnotations(bytes);
    // A URL wrapped over two lines gets one link rectangle per line, both to the same address.
    expect(new Set(uris)).toEqual(new Set([freshModel().articles[1]?.url]));
    expect(actions.every((kind) => kind === '/URI')).toBe(true);
    expect(uris.some((uri) => uri.toLowerCase().includes('javascript'))).toBe(false);
    expect(text).toContain('javascript:alert(1) (not a web address; not linked)');
  });

  it('links citations and cross-references to their targets inside the document', async () => {
    const { dests } = await readAnnotations(bytes);
    // Citations: [2] and [1] [2] in Key developments, [3] [3] [2] [1] by actor, [1] by theme;
    // plus four "→ Key developments" lines (Russia, United Kingdom, Taliban, Diplomacy).
    expect(dests).toBe(12);
  });

  it('writes bookmarks for sections, actors and themes', async () => {
    expect(await readOutline(bytes)).toEqual([
      'Key developments',
      'By actor',
      '  Russia',
      '  United Kingdom',
      '  Taliban',
      'By theme',
      '  Diplomacy',
      '  Migration and evacuation',
      'Actors × themes',
      'Sources',
      'Not included',
    ]);
  });

  it('sets metadata from the model, not the clock, so output is byte-identical', async () => {
    const doc = await PDFDocument.load(bytes, { updateMetadata: false });
    expect(doc.getTitle()).toBe('Daily Diplomatic Brief — 22 November 2026');
    expect(doc.getCreationDate()?.toISOString()).toBe('2026-11-22T06:00:00.000Z');
    const again = await renderPdf(freshModel(), fonts);
    expect(Buffer.from(again).equals(Buffer.from(bytes))).toBe(true);
  });

  it('numbers its pages in the footer', () => {
    const pages = pdfPageCount(bytes);
    for (let page = 1; page <= pages; page++) expect(text).toContain(`Page ${page} of ${pages}`);
  });

  it('rasterises page 1 with visible glyphs, not just rules', () => {
    const png = renderPagePng(bytes, 1, 50);
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(png.length).toBeGreaterThan(5_000);
    // Measured: about 3 % with the text drawn, 0.2 % with it invisible (rules, bullets, numbers).
    expect(pageInk(bytes, 1, 50)).toBeGreaterThan(0.01);
  });

  it('leaves the handling line and Not included out when the model has none', async () => {
    const model = { ...freshModel(), handling: null, rejected: [] };
    const plain = flat(pdfToText(await renderPdf(model, fonts)));
    expect(plain).not.toContain('OFFICIAL');
    expect(plain).not.toContain('Not included');
    expect(plain).toContain('Daily Diplomatic Brief');
  });
});

const WORDS =
  'ministers said the talks on security guarantees would continue next week in Geneva despite objections from several delegations'.split(
    ' ',
  );
/** Deterministic filler of `count` words, varied by `seed`. */
const prose = (seed: number, count: number) =>
  Array.from({ length: count }, (_, i) => WORDS[(seed * 7 + i * 5) % WORDS.length]).join(' ');
const THEMES = ['diplomacy', 'security', 'economy', 'humanitarian', 'migration', 'governance'];

/** 15 key developments, 20 actors × 3 items, 6 themes × 2 items: long enough for many pages. */
function bigModel(): BriefModel {
  const base = freshModel();
  const articles = Array.from({ length: 12 }, (_, i) => ({
    ...(base.articles[0] as BriefModel['articles'][number]),
    id: `art${i}`,
    ref: i + 1,
    title: `Article ${i + 1}: ${prose(i, 12)}`,
  }));
  const item = (id: string, seed: number, theme: string): BriefItem => ({
    id,
    text: `${prose(seed, 40 + (seed % 5) * 15)}.`,
    actors: [`A${seed % 20}`],
    themes: [theme],
    sources: [`art${seed % 12}`, `art${(seed + 5) % 12}`],
    theme,
  });
  const actors = Array.from({ length: 20 }, (_, a) => ({ id: `A${a}`, name: `Actor number ${a}` }));
  const themes = THEMES.map((id) => ({ id, name: `Theme ${id}` }));
  return {
    ...base,
    articles,
    stats: { articles: 12, sources: 12, rejected: 0 },
    rejected: [],
    highlights: Array.from({ length: 15 }, (_, i) => ({
      ...item(`h${i}`, i, 'diplomacy'),
      number: i + 1,
      headline: `Headline ${i + 1} ${prose(i, 8)}`,
    })),
    byActor: actors.map((actor, a) => ({
      ...actor,
      kind: 'state' as const,
      articleCount: a + 1,
      seeHighlights: a % 3 === 0 ? [1, 2, 3, 5] : [],
      items: [0, 1, 2].map((k) => item(`a${a}-${k}`, a * 3 + k, THEMES[(a + k) % 6] as string)),
    })),
    byTheme: themes.map((theme, t) => ({
      ...theme,
      actors: ['A1', 'A2'],
      seeHighlights: [t + 1],
      seeActors: [{ id: 'A1', name: 'Actor number 1' }],
      items: [0, 1].map((k) => item(`t${t}-${k}`, 100 + t * 2 + k, theme.id)),
    })),
    heatmap: {
      actors,
      themes,
      cells: actors.flatMap((a, i) =>
        themes.map((t, j) => ({ actor: a.id, theme: t.id, count: (i * j) % 9 })),
      ),
    },
  };
}

/** Lines of each page's body: page furniture (header, footer) removed. */
function pageBodies(layoutText: string): string[][] {
  return layoutText
    .split('\f')
    .filter((page) => page.trim() !== '')
    .map((page) =>
      page
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line !== '' && !/Page \d+ of \d+$/.test(line))
        .filter((line) => !line.startsWith('Daily Diplomatic Brief — ')),
    );
}

describe('renderPdf with a long brief', () => {
  let bytes: Uint8Array;
  let layout: string;
  beforeAll(async () => {
    bytes = await renderPdf(bigModel(), fonts);
    layout = pdfToText(bytes);
  });

  it('runs over several pages, each numbered "Page X of N"', () => {
    const pages = pdfPageCount(bytes);
    expect(pages).toBeGreaterThan(2);
    const footers = [...layout.matchAll(/Page (\d+) of (\d+)/g)].map((m) => `${m[1]}/${m[2]}`);
    expect(footers).toEqual(Array.from({ length: pages }, (_, i) => `${i + 1}/${pages}`));
  });

  it('never ends a page with a heading or a theme label', () => {
    const headings = [
      /^(Key developments|By actor|By theme|Actors × themes|Sources)$/,
      /^Actor number \d+ \(A\d+\) — in \d+ articles?$/,
      /^Theme \w+( — .*)?$/,
    ];
    const bodies = pageBodies(layout);
    expect(bodies.length).toBeGreaterThan(2);
    for (const body of bodies.slice(0, -1)) {
      const last = body.at(-1) ?? '';
      for (const heading of headings) expect(last).not.toMatch(heading);
    }
  });

  it('keeps every item in full, across page breaks', () => {
    const text = flat(pageBodies(layout).flat().join(' '));
    const model = bigModel();
    for (const section of model.byActor) {
      for (const item of section.items) expect(text).toContain(item.text);
    }
  });
});

describe('renderPdf with unusual content', () => {
  it('renders a brief with nothing in it', async () => {
    const empty: BriefModel = {
      ...freshModel(),
      stats: { articles: 0, sources: 0, rejected: 0 },
      articles: [],
      highlights: [],
      byActor: [],
      byTheme: [],
      heatmap: { actors: [], themes: [], cells: [] },
      rejected: [],
    };
    const bytes = await renderPdf(empty, fonts);
    const text = flat(pdfToText(bytes));
    expect(pdfPageCount(bytes)).toBe(1);
    expect(text).toContain('0 articles from 0 sources');
    expect(text).toContain('No key developments in this edition.');
    expect(text).toContain('Page 1 of 1');
  });

  it('survives control characters, missing glyphs, lone surrogates and a 3000-letter word', async () => {
    const model = freshModel();
    const longWord = 'x'.repeat(3000);
    const first = model.byActor[0]?.items[0] as BriefItem;
    first.text = `Tab\there, NUL\u0000, bell\u0007, line\nbreak, zero\u200bwidth, 中文, lone \ud800, ${longWord} end`;
    model.title = 'Brief\u0000 with 中 title';
    const bytes = await renderPdf(model, fonts);
    const text = flat(pdfToText(bytes));
    expect(text).toContain('Tab here, NUL, bell, line break, zerowidth, \uFFFD\uFFFD, lone \uFFFD');
    expect(text).not.toContain('中');
    // Text that ran off the page would be lost to extraction: the long word must be wrapped.
    expect(text.match(/x/g)?.length ?? 0).toBeGreaterThanOrEqual(3000);
  });

  it('rejects missing font bytes with a ConfigError that says what to pass', async () => {
    const broken = { ...fonts, bold: new Uint8Array() };
    await expect(renderPdf(freshModel(), broken)).rejects.toThrow(ConfigError);
    await expect(renderPdf(freshModel(), broken)).rejects.toThrow(/PdfFonts\.bold.*loadPdfFonts/);
  });
});

describe('loadPdfFonts', () => {
  it('reads the three DejaVu faces from the project root', () => {
    const loaded = loadPdfFonts(root);
    expect(loaded.regular.length).toBeGreaterThan(100_000);
    expect(loaded.bold).not.toEqual(loaded.regular);
    expect(loaded.italic).not.toEqual(loaded.regular);
  });

  it('names the missing file and the fix', () => {
    const missing = `${root}test/fixtures`;
    expect(existsSync(`${missing}/node_modules`)).toBe(false);
    expect(() => loadPdfFonts(missing)).toThrow(ConfigError);
    expect(() => loadPdfFonts(missing)).toThrow(/DejaVuSans\.ttf not found: run "npm install"/);
  });
});

describe('PDF formatting helpers', () => {
  it('writes dates in words without time-zone drift and rejects impossible ones', () => {
    expect(formatIsoDate('2026-11-22')).toBe('22 November 2026');
    expect(formatIsoDate('2026-01-01T00:30:00+05:00')).toBe('1 January 2026');
    expect(formatIsoDate('2026-02-30')).toBeNull();
    expect(formatIsoDate(null)).toBeNull();
    expect(publishedLabel({ published: null, publishedInferred: false })).toBe('date unknown');
  });

  it('collapses runs of three or more key-development numbers', () => {
    expect(numberList([3, 1, 2, 2, 7, 9, 10])).toBe('1–3, 7, 9, 10');
    expect(numberList([])).toBe('');
  });

  it('accepts only http(s) addresses as links', () => {
    expect(webUrl('javascript:alert(1)')).toBeNull();
    expect(webUrl(' JavaScript:alert(1)')).toBeNull();
    expect(webUrl('data:text/html,<script>')).toBeNull();
    expect(webUrl('not a url')).toBeNull();
    expect(webUrl('https://example.org/a b/ü')).toBe('https://example.org/a%20b/%C3%BC');
  });

  it('replaces characters the font lacks and drops invisible ones', () => {
    const clean = makeSanitizer(new Set([...'ab '].map((c) => c.codePointAt(0) ?? 0)));
    expect(clean('a\tb\u200bc  a')).toBe('a b? a');
  });
});

/** Output of a poppler tool run on the PDF (pdfinfo, pdffonts). */
function poppler(tool: 'pdfinfo' | 'pdffonts', bytes: Uint8Array): string {
  const dir = mkdtempSync(join(tmpdir(), 'brief-poppler-'));
  try {
    const file = join(dir, 'brief.pdf');
    writeFileSync(file, bytes);
    return execFileSync(tool, [file], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('renderPdf options and metadata', () => {
  it('prints on A4 by default and on US Letter when the model asks for it', async () => {
    expect(poppler('pdfinfo', await renderPdf(freshModel(), fonts))).toMatch(
      /Page size:\s+595\.28 x 841\.89 pts \(A4\)/,
    );
    const letter = await renderPdf({ ...freshModel(), paper: 'letter' }, fonts);
    expect(poppler('pdfinfo', letter)).toMatch(/Page size:\s+612 x 792 pts \(letter\)/);
    const text = flat(pdfToText(letter));
    const pages = pdfPageCount(letter);
    expect(text).toContain(`Page ${pages} of ${pages}`);
  });

  it('writes title, subject, author, keywords and creation date', async () => {
    const info = poppler(
      'pdfinfo',
      await renderPdf({ ...freshModel(), author: 'Policy Planning Unit' }, fonts),
    );
    expect(info).toMatch(/Title:\s+Daily Diplomatic Brief — 22 November 2026/);
    expect(info).toMatch(/Subject:\s+Brief of 22 November 2026: \d+ articles from \d+ sources/);
    expect(info).toMatch(/Author:\s+Policy Planning Unit/);
    expect(info).toMatch(/Keywords:.*OFFICIAL.*Russia/);
    expect(info).toMatch(/CreationDate:\s+Sun Nov 22 06:00:00 2026/);
  });

  it('embeds subset fonts that draw Latin, Cyrillic and Arabic-script names', async () => {
    const model = freshModel();
    const names = 'Сергей Лавров · طالبان · Jens Stoltenberg · Ħamrun Żebbuġ';
    const item = model.byActor[0]?.items[0] as BriefItem;
    model.byActor[0]?.items.splice(0, 1, { ...item, text: `${names}.` });
    const bytes = await renderPdf(model, fonts);
    const fontsTable = poppler('pdffonts', bytes).split('\n').slice(2).filter(Boolean);
    expect(fontsTable.length).toBeGreaterThanOrEqual(2);
    for (const row of fontsTable) {
      expect(row).toMatch(/^[A-Z]{6}\+DejaVu/); // a subset
      expect(row).toMatch(/CID TrueType\s+Identity-H\s+yes\s+yes\s+yes/); // embedded, subset, unicode map
    }
    const text = pdfToText(bytes);
    for (const word of ['Сергей', 'Лавров', 'Stoltenberg', 'Żebbuġ']) expect(text).toContain(word);
    // Arabic is shaped and read back in visual order; its letters must be there, not U+FFFD.
    expect(text).toMatch(/[\u0600-\u06ff\ufe70-\ufeff]{4,}/u);
    expect(text).not.toContain('\ufffd');
  });

  it('says what the length budget left out, and which sources tell the same story', async () => {
    const model = freshModel();
    const other = model.articles[1]?.id as string;
    model.highlights[0] = {
      ...(model.highlights[0] as (typeof model.highlights)[0]),
      alsoIn: [other],
    };
    model.omitted = { pages: 4, items: 12, actors: [{ id: 'PAK', name: 'Pakistan' }] };
    const text = flat(pdfToText(await renderPdf(model, fonts)));
    expect(text).toContain('To fit about 4 pages, 12 lower-ranked items were left out');
    expect(text).toContain('no section is given to Pakistan');
    expect(text).toContain(`same story: [${model.articles[1]?.ref}]`);
  });
});
