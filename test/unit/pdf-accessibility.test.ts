import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BriefModel } from '../../functions/model/types';
import { loadPdfFonts } from '../../functions/render/pdf/load-fonts';
import { renderPdf } from '../../functions/render/pdf/render-pdf';
import { type BriefView, buildBriefView } from '../../functions/render/view/brief-view';
import { plural } from '../../functions/render/view/plural';
import { largeBriefModel } from '../helpers/large-brief';
import { pdfPageCount, pdfToText } from '../helpers/pdf';
import {
  auditContent,
  descendants,
  elements,
  pdfinfo,
  type StructNode,
  structTree,
  type TaggedFacts,
  taggedFacts,
  textOf,
  withoutArtifacts,
} from '../helpers/pdf-structure';
import { seedBrief } from './delivery-helpers';

const fonts = loadPdfFonts(process.cwd());
const flat = (text: string) => text.replace(/\s+/g, ' ').trim();
const words = (text: string) => text.split(/\s+/).filter(Boolean);
const cites = (refs: number[]) => refs.map((ref) => `[${ref}]`);

/** "H2 By actor": each heading's level and text, in reading order. */
const headings = (tree: StructNode) =>
  descendants(tree)
    .filter((node) => /^H\d$/.test(node.type))
    .map((node) => `${node.type} ${flat(textOf(node))}`);

/** The headings the view says the brief has, in the order the PDF prints them. */
function expectedHeadings(view: BriefView): string[] {
  const out = [`H1 ${view.title}`, 'H2 Key developments', 'H2 By actor'];
  for (const actor of view.actors) {
    out.push(`H3 ${actor.name} (${actor.id}) — in ${plural(actor.articleCount, 'article')}`);
    out.push(...actor.groups.map((group) => `H4 ${group.theme.name}`));
  }
  if (view.alsoMentioned.length) out.push("H3 Also in today's reports");
  out.push('H2 By theme');
  for (const theme of view.themes) {
    const ids = theme.actors.map((actor) => actor.id).join(', ');
    out.push(`H3 ${theme.name}${ids ? ` — ${ids}` : ''}`);
  }
  out.push('H2 Actors × themes');
  if (view.otherLanguages.length) out.push('H2 In other languages');
  out.push('H2 Sources');
  if (view.notIncluded.length) out.push('H2 Not included');
  return out;
}

/** The element right after the `H2` with this text, at the top of the tree. */
function afterHeading(tree: StructNode, heading: string): StructNode | undefined {
  const top = elements(tree);
  const at = top.findIndex((node) => node.type === 'H2' && flat(textOf(node)) === heading);
  return at < 0 ? undefined : top[at + 1];
}

/** Text with a space wherever a block element ends and another starts (as a reader hears it). */
const spokenText = (node: StructNode): string =>
  node.kids
    .map((kid) => {
      if (typeof kid === 'string') return kid;
      const inline = kid.type === 'Link' || kid.type === 'Span';
      return inline ? spokenText(kid) : ` ${spokenText(kid)} `;
    })
    .join('');

const sorted = (list: string[]) => [...list].sort();

/**
 * The words pdftotext reads on the pages once the artifacts are cut out, against the words of
 * the structure tree: no text is outside both, none is in the tree twice.
 */
async function expectStructureHoldsPageText(bytes: Uint8Array, tree: StructNode) {
  const onPages = words(pdfToText(await withoutArtifacts(bytes)));
  expect(onPages.length).toBeGreaterThan(20);
  expect(sorted(onPages)).toEqual(sorted(words(spokenText(tree))));
  // …and the artifacts are the page furniture: running header, handling line, page numbers.
  const all = pdfToText(bytes);
  expect(all).toContain(`Page 1 of ${pdfPageCount(bytes)}`);
  expect(pdfToText(await withoutArtifacts(bytes))).not.toContain('Page 1 of');
}

/** Checks every tagged PDF must pass, whatever its content. */
async function expectWellTagged(bytes: Uint8Array, facts: TaggedFacts) {
  expect(pdfinfo(bytes)).toMatch(/^Tagged:\s+yes$/m);
  expect(facts.marked).toBe(true);
  expect(facts.lang).toBe('en');
  expect(facts.displayDocTitle).toBe(true);
  expect(new Set(facts.tabs)).toEqual(new Set(['S']));
  const audit = await auditContent(bytes);
  expect(audit.unmarked).toEqual([]);
  expect(audit.nesting).toEqual([]);
  // Every MCID a page uses is its parent-tree entry's index, owned by an element.
  audit.mcids.forEach((mcids, page) => {
    expect(sorted(mcids.map(String))).toEqual(sorted(mcids.map((_, i) => String(i))));
    expect(facts.pageOwners[page]?.length ?? 0).toBe(mcids.length);
    expect(facts.pageOwners[page] ?? []).not.toContain('?');
  });
  for (const link of facts.links) {
    expect(link.owner).toBe('Link');
    expect(link.contents?.length ?? 0).toBeGreaterThan(2);
  }
}

describe('the tagged PDF of the samples’ brief', () => {
  let model: BriefModel;
  let view: BriefView;
  let bytes: Uint8Array;
  let tree: StructNode;
  let facts: TaggedFacts;
  beforeAll(async () => {
    ({ model } = await seedBrief());
    view = buildBriefView(model);
    bytes = await renderPdf(model, fonts);
    tree = structTree(bytes);
    facts = await taggedFacts(bytes);
  });

  it('is tagged: marked content on every page tied to the structure, nothing left untagged', async () => {
    await expectWellTagged(bytes, facts);
    expect(facts.links.length).toBeGreaterThan(0);
  });

  it('lists the headings in reading order, H1 once, never skipping a level', () => {
    const found = headings(tree);
    expect(found).toEqual(expectedHeadings(view));
    const levels = found.map((heading) => Number(heading[1]));
    expect(levels.filter((level) => level === 1)).toHaveLength(1);
    expect(levels.filter((level, i) => i > 0 && level > (levels[i - 1] ?? 0) + 1)).toEqual([]);
  });

  it('makes each key development one list item: number, text, a link per citation', () => {
    const list = afterHeading(tree, 'Key developments');
    expect(list?.type).toBe('L');
    expect(list?.attributes).toContain('/ListNumbering /Decimal');
    const items = elements(list as StructNode);
    expect(items.map((item) => item.type)).toEqual(view.highlights.map(() => 'LI'));
    view.highlights.forEach((highlight, i) => {
      const [label, body, ...rest] = elements(items[i] as StructNode);
      expect(rest).toEqual([]);
      expect(label?.type).toBe('Lbl');
      expect(textOf(label as StructNode)).toBe(`${highlight.number}.`);
      expect(body?.type).toBe('LBody');
      const text = flat(textOf(body as StructNode));
      expect(text).toContain(flat(highlight.headlineText));
      expect(text).toContain(`${flat(highlight.text)} ${cites(highlight.refs).join(' ')}`);
      const links = elements(body as StructNode).filter((node) => node.type === 'Link');
      expect(links.map(textOf)).toEqual(cites([...highlight.refs, ...highlight.alsoRefs]));
      for (const link of links) expect(link.objects).toBe(1);
    });
  });

  it('describes each citation by its source, and each link on its annotation', () => {
    const described = new Set(facts.links.map((link) => link.contents));
    for (const source of view.sources) {
      const outlet = source.outlet ?? 'unknown source';
      expect(described).toContain(`Source ${source.ref}: ${outlet}, ${source.dateLabel}`);
    }
    expect([...described].some((text) => text?.startsWith('Key developments '))).toBe(true);
  });

  it('puts every heat-map count under its row and column headers', () => {
    const heatmap = view.heatmap;
    if (!heatmap) throw new Error('the samples have a heat map');
    const table = descendants(tree).filter((node) => node.type === 'Table');
    expect(table).toHaveLength(1);
    const [header, ...rows] = elements(table[0] as StructNode);
    const headerCells = elements(header as StructNode);
    expect(headerCells.map((cell) => cell.type)).toEqual(headerCells.map(() => 'TH'));
    for (const cell of headerCells) expect(cell.attributes).toContain('/Scope /Column');
    expect(headerCells.map((cell) => flat(textOf(cell)))).toEqual([
      'Actor',
      ...heatmap.columns.map((column) => column.name),
    ]);
    expect(rows).toHaveLength(heatmap.rows.length);
    rows.forEach((row, i) => {
      const [th, ...tds] = elements(row);
      expect(th?.type).toBe('TH');
      expect(th?.attributes).toContain('/Scope /Row');
      expect(flat(textOf(th as StructNode))).toBe(heatmap.rows[i]?.name);
      const counts = heatmap.cells.filter((cell) => cell.row === i).map((c) => String(c.count));
      expect(tds.map((td) => td.type)).toEqual(counts.map(() => 'TD'));
      expect(tds.map(textOf)).toEqual(counts);
    });
  });

  it('holds every word pdftotext finds on the pages, less the artifacts', async () => {
    await expectStructureHoldsPageText(bytes, tree);
  });

  it('writes XMP metadata with the title and the PDF/UA identifier', () => {
    expect(pdfinfo(bytes)).toMatch(/^Metadata Stream:\s+yes$/m);
    expect(facts.xmp).toContain('<pdfuaid:part>1</pdfuaid:part>');
    expect(facts.xmp).toContain(
      `<dc:title><rdf:Alt><rdf:li xml:lang="x-default">${view.title} — ${view.date}</rdf:li>`,
    );
    const meta = pdfinfo(bytes, '-meta');
    expect(meta).toContain('pdfuaid:part');
  });
});

describe('the tagged PDF of a large brief (200 articles, a heat map over two pages)', () => {
  let model: BriefModel;
  let view: BriefView;
  let bytes: Uint8Array;
  let tree: StructNode;
  let facts: TaggedFacts;
  beforeAll(async () => {
    model = largeBriefModel();
    view = buildBriefView(model);
    bytes = await renderPdf(model, fonts);
    tree = structTree(bytes);
    facts = await taggedFacts(bytes);
  });

  it('is tagged: marked content on every page tied to the structure, nothing left untagged', async () => {
    expect(pdfPageCount(bytes)).toBeGreaterThan(5);
    await expectWellTagged(bytes, facts);
  });

  it('tags the heat map as one table: one header row, a row per actor, repeated labels as artifacts', () => {
    const heatmap = view.heatmap;
    if (!heatmap) throw new Error('the large brief has a heat map');
    const tables = descendants(tree).filter((node) => node.type === 'Table');
    expect(tables).toHaveLength(1);
    const rows = elements(tables[0] as StructNode);
    expect(rows).toHaveLength(heatmap.rows.length + 1);
    const headerCells = descendants(tables[0] as StructNode).filter((node) =>
      node.attributes.includes('/Scope /Column'),
    );
    expect(headerCells).toHaveLength(heatmap.columns.length + 1);
    // A label cut short ("Collective Security Treaty…") carries the full name.
    const labels = rows.slice(1).map((row) => flat(textOf(elements(row)[0] as StructNode)));
    const cut = heatmap.rows.filter((_, i) => labels[i]?.endsWith('…'));
    expect(cut.length).toBeGreaterThan(0);
    for (const row of cut) expect(facts.actualTexts).toContain(row.name);
  });

  it('marks a title in another language with its language', () => {
    expect(view.otherLanguages.map((entry) => entry.languageCode)).toContain('fr');
    expect(facts.langs).toContainEqual({ type: 'Span', lang: 'fr' });
  });

  it('holds every word pdftotext finds on the pages, less the artifacts', async () => {
    await expectStructureHoldsPageText(bytes, tree);
  });

  it('renders the same bytes again', async () => {
    const again = await renderPdf(model, fonts);
    expect(Buffer.from(again).equals(Buffer.from(bytes))).toBe(true);
  });
});

const WORDS =
  'envoys said the ceasefire talks would resume in Doha after delegations from both sides agreed on the agenda for prisoner exchanges and aid corridors'.split(
    ' ',
  );

/** The fixture brief with 24 items of 60–100 words under one actor: pages break inside items. */
function longItemsModel(): BriefModel {
  const model = JSON.parse(readFileSync('test/fixtures/brief-model.json', 'utf8')) as BriefModel;
  const section = model.byActor[0] as BriefModel['byActor'][number];
  const template = section.items[0] as BriefModel['byActor'][number]['items'][number];
  section.items = Array.from({ length: 24 }, (_, i) => {
    const count = 60 + ((i * 17) % 41);
    const text = Array.from({ length: count }, (_, k) => WORDS[(i * 5 + k * 3) % WORDS.length]);
    return { ...template, id: `long-${i}`, text: `Item ${i + 1}: ${text.join(' ')}.` };
  });
  return model;
}

describe('the tagged PDF of an empty brief on US Letter', () => {
  it('is tagged all the same: title, sections, the empty notes', async () => {
    const model = JSON.parse(readFileSync('test/fixtures/brief-model.json', 'utf8')) as BriefModel;
    const empty: BriefModel = {
      ...model,
      paper: 'letter',
      stats: { articles: 0, sources: 0, rejected: 0 },
      articles: [],
      highlights: [],
      byActor: [],
      byTheme: [],
      heatmap: { actors: [], themes: [], cells: [] },
      rejected: [],
    };
    const bytes = await renderPdf(empty, fonts);
    const facts = await taggedFacts(bytes);
    await expectWellTagged(bytes, facts);
    expect(facts.links).toEqual([]);
    const tree = structTree(bytes);
    expect(headings(tree)).toEqual([
      `H1 ${model.title}`,
      'H2 Key developments',
      'H2 By actor',
      'H2 By theme',
      'H2 Actors × themes',
      'H2 Sources',
    ]);
    expect(flat(textOf(afterHeading(tree, 'Key developments') as StructNode))).toBe(
      'No key developments in this edition.',
    );
    await expectStructureHoldsPageText(bytes, tree);
  });
});

describe('the XMP metadata', () => {
  it('escapes markup in the title', async () => {
    const model = JSON.parse(readFileSync('test/fixtures/brief-model.json', 'utf8')) as BriefModel;
    model.title = 'Brief <A & B> "quoted"';
    const facts = await taggedFacts(await renderPdf(model, fonts));
    expect(facts.xmp).toContain('Brief &lt;A &amp; B&gt; &quot;quoted&quot; — 22 November 2026');
    expect(facts.xmp).not.toContain('<A & B>');
  });
});

describe('the tagged PDF of a brief whose items run over page breaks', () => {
  it('keeps an item that continues on the next page one list item, read whole and in order', async () => {
    const model = longItemsModel();
    const bytes = await renderPdf(model, fonts);
    const facts = await taggedFacts(bytes);
    await expectWellTagged(bytes, facts);
    expect(facts.crossPage).toContain('LBody');
    const items = descendants(structTree(bytes))
      .filter((node) => node.type === 'LI')
      .map((node) => flat(textOf(node)));
    const texts = (model.byActor[0]?.items ?? []).map((item) => flat(item.text));
    for (const text of texts) expect(items.filter((item) => item.includes(text))).toHaveLength(1);
    const order = texts.map((text) => items.findIndex((item) => item.includes(text)));
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });
});
