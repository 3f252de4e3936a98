import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BriefModel, HeatCell } from '../../functions/model/types';
import { loadTemplates } from '../../functions/render/html/load-templates';
import { renderHtml } from '../../functions/render/html/render-html';
import { loadPdfFonts } from '../../functions/render/pdf/load-fonts';
import { renderPdf } from '../../functions/render/pdf/render-pdf';
import { briefToText } from '../../functions/render/text/plain-text';
import { type BriefView, buildBriefView } from '../../functions/render/view/brief-view';
import { htmlBlock as block } from '../helpers/html';
import { pdfFilledRects, pdfToText } from '../helpers/pdf';
import { seedBrief } from './delivery-helpers';

const fixture = readFileSync('test/fixtures/brief-model.json', 'utf8');
const freshModel = () => JSON.parse(fixture) as BriefModel;
const templates = loadTemplates('templates');
const fonts = loadPdfFonts(process.cwd());
const flat = (text: string) => text.replace(/\s+/g, ' ');

/** The brief as each renderer prints it: HTML page, PDF bytes and text, e-mail plain text. */
interface Renderings {
  html: string;
  pdf: Uint8Array;
  pdfText: string;
  text: string;
}

async function renderAll(model: BriefModel): Promise<Renderings> {
  const pdf = await renderPdf(model, fonts);
  return {
    html: renderHtml(model, templates),
    pdf,
    pdfText: pdfToText(pdf),
    text: briefToText(model, null),
  };
}

const lines = (text: string) => text.split('\n').map((line) => line.trim());

/** The theme labels over an actor's items (the page's only <h4>s), in page order. */
const htmlThemeLabels = (html: string) =>
  [...html.matchAll(/<h4>(.*?)<\/h4>/g)].map((m) => (m[1] ?? '').replace(/<[^>]+>/g, ''));
const textThemeLabels = (text: string) =>
  [...text.matchAll(/^ {2}([^\s\-→].*):$/gm)].map((m) => m[1] ?? '');

/** Shade levels and legend of the heat map as drawn: a cell's level is its legend swatch's. */
interface DrawnHeatmap {
  levels: number[];
  labels: string[];
}

function htmlHeatmap(html: string): DrawnHeatmap {
  const svg = block(html, 'actors-themes');
  const legend = [
    ...svg.matchAll(
      /<rect width="14" height="14" rx="2" fill="(#[0-9a-f]{6})"\/><\/svg> ([^<]*)</g,
    ),
  ].map((m) => ({ fill: m[1], label: (m[2] ?? '').trim() }));
  const cells = [...svg.matchAll(/rx="3" fill="(#[0-9a-f]{6})"><title>/g)].map((m) => m[1]);
  return {
    levels: cells.map((fill) => legend.findIndex((swatch) => swatch.fill === fill)),
    labels: legend.map((swatch) => swatch.label),
  };
}

async function pdfHeatmap({ pdf, pdfText }: Renderings): Promise<DrawnHeatmap> {
  const rects = await pdfFilledRects(pdf);
  const swatches = rects.filter((rect) => rect.width === 11 && rect.height === 9);
  const cells = rects.filter((rect) => rect.height === 13.5);
  const legendLine = lines(pdfText).find((line) => line.startsWith('Sentences naming both')) ?? '';
  return {
    levels: cells.map((cell) => swatches.findIndex((swatch) => swatch.color === cell.color)),
    labels: legendLine.split(':')[1]?.trim().split(/\s+/) ?? [],
  };
}

describe('the brief of the seeds, in HTML, PDF and plain text', () => {
  let model: BriefModel;
  let view: BriefView;
  let out: Renderings;
  beforeAll(async () => {
    ({ model } = await seedBrief());
    view = buildBriefView(model);
    out = await renderAll(model);
  });

  it('puts the items without a lead theme under "Other" in all three', () => {
    const noTheme = model.byActor.flatMap((section) => section.items).filter((i) => !i.theme);
    expect(noTheme.length).toBeGreaterThan(0);
    const labels = view.actors.flatMap((section) => section.groups.map((g) => g.theme.name));
    const others = labels.filter((label) => label === 'Other').length;
    expect(others).toBeGreaterThan(0);

    expect(htmlThemeLabels(out.html)).toEqual(labels);
    expect(textThemeLabels(out.text)).toEqual(labels);
    expect(lines(out.pdfText).filter((line) => line === 'Other')).toHaveLength(others);
    for (const page of [out.html, out.pdfText, out.text]) {
      expect(lines(page).filter((line) => /^(<h4>)?General\b/.test(line))).toEqual([]);
    }
  });

  it('cites every key development with the same numbers in all three', () => {
    expect(view.highlights.length).toBeGreaterThan(2);
    for (const highlight of view.highlights) {
      const cites = block(out.html, `kd-${highlight.number}`).split('same story')[0] ?? '';
      const numbers = [...cites.matchAll(/href="#src-(\d+)"/g)].map((m) => Number(m[1]));
      expect(numbers).toEqual(highlight.refs);
      const brackets = highlight.refs.map((ref) => `[${ref}]`);
      expect(flat(out.pdfText)).toContain(`${flat(highlight.text)} ${brackets.join(' ')}`);
      expect(out.text).toContain(`   ${highlight.text} ${brackets.join('')}`);
    }
  });

  it('shades the heat map and names its legend alike in HTML and PDF', async () => {
    const drawn = view.heatmap?.cells.map((cell) => cell.level) ?? [];
    expect(new Set(drawn).size).toBeGreaterThan(2);
    const legend = view.heatmap?.legend.map((entry) => entry.label);
    expect(htmlHeatmap(out.html)).toEqual({ levels: drawn, labels: legend });
    expect(await pdfHeatmap(out)).toEqual({ levels: drawn, labels: legend });
  });
});

describe('the brief view of the fixture model', () => {
  it('gives citation numbers in order, once each, in all three renderings', async () => {
    const model = freshModel();
    const [first, second] = model.articles.map((article) => article.id);
    const highlight = model.highlights[1] as BriefModel['highlights'][number];
    highlight.sources = [second as string, first as string, second as string, 'no-such-article'];
    const view = buildBriefView(model);
    expect(view.highlights[1]).toMatchObject({ refs: [1, 2], missingSource: true });

    const out = await renderAll(model);
    const item = block(out.html, 'kd-2');
    expect([...item.matchAll(/href="#src-(\d+)"/g)].map((m) => Number(m[1]))).toEqual([1, 2]);
    expect(item).toContain('cite-missing');
    expect(flat(out.pdfText)).toContain('on the Afghan track. [1] [2] ');
    expect(out.text).toContain('on the Afghan track. [1][2]\n');
  });

  it('labels an item with no theme "Other" and one outside the taxonomy by its slug', async () => {
    const model = freshModel();
    const [first, second] = model.byActor[0]?.items ?? [];
    Object.assign(first ?? {}, { theme: null });
    Object.assign(second ?? {}, { theme: 'human-rights' });
    const out = await renderAll(model);
    const labels = ['Other', 'Human rights', 'Diplomacy', 'Security and terrorism'];
    expect(buildBriefView(model).actors.flatMap((a) => a.groups.map((g) => g.theme.name))).toEqual(
      labels,
    );
    expect(htmlThemeLabels(out.html)).toEqual(labels);
    expect(textThemeLabels(out.text)).toEqual(labels);
    expect(flat(out.pdfText)).toMatch(/Other • Russian officials .* Human rights • <script>/);
  });

  it('names a pronoun-only speaker before the quote, alike in all three, adding nothing inside it', async () => {
    const model = freshModel();
    const quote = '“We will keep the channel open,” he stressed.';
    Object.assign(model.byActor[0]?.items[0] ?? {}, { text: quote, speaker: 'the envoy Ana Ruiz' });
    Object.assign(model.highlights[0] ?? {}, { text: quote, speaker: 'Ana Ruiz' });
    const view = buildBriefView(model);
    expect(view.actors[0]?.groups.flatMap((g) => g.items)[0]).toMatchObject({
      text: quote,
      attribution: 'The envoy Ana Ruiz:',
    });
    expect(view.actors[1]?.groups.flatMap((g) => g.items)[0]?.attribution).toBeNull();
    const out = await renderAll(model);
    const said = 'The envoy Ana Ruiz: “We will keep the channel open,” he stressed.';
    expect(flat(out.html.replace(/<[^>]+>/g, ''))).toContain(said);
    expect(out.html).toContain('<span class="speaker">The envoy Ana Ruiz:</span> “We will');
    expect(flat(out.pdfText)).toContain(said);
    expect(out.text).toContain(said);
    expect(flat(out.pdfText)).toContain(
      'Ana Ruiz: “We will keep the channel open,” he stressed. [',
    );
    expect(block(out.html, 'kd-1')).toContain('<span class="speaker">Ana Ruiz:</span> “We will');
  });

  it('shades the heat map in five bands up to the largest count', () => {
    const heatmap = buildBriefView(freshModel()).heatmap;
    expect(heatmap?.legend.map((entry) => entry.label)).toEqual([
      'none',
      '1',
      '2',
      '3',
      '4',
      '5–6',
    ]);
    const level = (actor: string, theme: string) =>
      heatmap?.cells.find((cell) => cell.actor === actor && cell.theme === theme)?.level;
    expect(level('RUS', 'diplomacy')).toBe(5);
    expect(level('RUS', 'humanitarian')).toBe(1);
    expect(level('CHN', 'migration')).toBe(0);
  });

  it('counts bad heat-map counts as 0, the same way in HTML and PDF', async () => {
    const clean = buildBriefView(freshModel()).heatmap;
    const model = freshModel();
    const bad: HeatCell[] = [
      { actor: 'RUS', theme: 'migration', count: Number.NaN },
      { actor: 'CHN', theme: 'security', count: -3 },
      { actor: 'CHN', theme: 'humanitarian', count: 2.5 },
      { actor: 'TALIBAN', theme: 'migration', count: Number.POSITIVE_INFINITY },
      { actor: 'TALIBAN', theme: 'humanitarian', count: null as unknown as number },
      { actor: 'GBR', theme: 'diplomacy', count: 40.5 },
    ];
    model.heatmap.cells.push(...bad);
    const view = buildBriefView(model);
    expect(view.heatmap?.cells).toEqual(clean?.cells);
    expect(view.heatmap?.legend).toEqual(clean?.legend);

    const out = await renderAll(model);
    const drawn = {
      levels: clean?.cells.map((c) => c.level),
      labels: ['none', '1', '2', '3', '4', '5–6'],
    };
    expect(htmlHeatmap(out.html)).toEqual(drawn);
    expect(await pdfHeatmap(out)).toEqual(drawn);
    expect(out.html).toContain('<title>Russia × Migration and evacuation: 0 sentences</title>');
  });

  it('trims the key off rejection reasons and lists sources in citation order', () => {
    const model = freshModel();
    model.articles.reverse();
    const view = buildBriefView(model);
    expect(view.rejected[0]).toEqual({
      key: 'incoming/empty.txt',
      reason: "the file is empty; upload the article's text",
    });
    expect(view.sources.map((source) => source.ref)).toEqual([1, 2, 3]);
    expect(view.sources.map((source) => source.dateLabel)).toEqual([
      '30 August 2026 (year inferred)',
      '16 August 2021',
      'date unknown',
    ]);
    expect(view.sources.map((source) => source.href)).toEqual([null, model.articles[1]?.url, null]);
  });
});
