import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConfigError } from '../../functions/model/errors';
import type { BriefModel } from '../../functions/model/types';
import { longDate, safeUrl } from '../../functions/render/html/html-helpers';
import { loadTemplates } from '../../functions/render/html/load-templates';
import { renderHtml, type TemplateSet } from '../../functions/render/html/render-html';
import { heatmapView } from '../../functions/render/view/heatmap-view';
import { htmlBlock as block } from '../helpers/html';

const root = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));
const fixture = readFileSync(root('test/fixtures/brief-model.json'), 'utf8');
const freshModel = () => JSON.parse(fixture) as BriefModel;
const templates = loadTemplates(root('templates'));
const html = renderHtml(freshModel(), templates);

const hrefs = (page: string) => [...page.matchAll(/href="([^"]*)"/g)].map((m) => m[1] ?? '');

describe('renderHtml with the default templates', () => {
  it('writes the masthead: title, edition date in words, counts and handling line', () => {
    expect(html).toContain('<html lang="en">');
    expect(html).toMatch(/<h1>Daily Diplomatic Brief<\/h1>/);
    expect(html).toContain('22 November 2026');
    expect(html).toContain('3 articles from 2 sources');
    expect(html).toContain('OFFICIAL — for internal use');
  });

  it('leaves the handling line out when the model has none', () => {
    const model = freshModel();
    model.handling = null;
    expect(renderHtml(model, templates)).not.toContain('class="handling"');
  });

  it('is one self-contained page: inline CSS, no scripts, no external resources', () => {
    expect(html).toMatch(/<style>[\s\S]*@media print[\s\S]*<\/style>/);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<link\b|<img\b|<iframe\b|\bsrc=|@import|url\(/i);
    expect(Buffer.byteLength(html)).toBeLessThan(40_000);
  });

  it('shows the fixture’s hostile strings as text, never as markup', () => {
    expect(html).toContain('&lt;script&gt;alert(&#x27;pwned&#x27;)&lt;/script&gt; &amp; other');
    expect(html).toContain('Москва и Пекин: &lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;');
    expect(html).toContain('incoming/hostile &lt;script&gt;.html');
    expect(html).toContain('“quoted”');
  });

  it('never turns the javascript: URL into a link; only in-page and http(s) hrefs exist', () => {
    expect(html).not.toMatch(/javascript:/i);
    const bad = hrefs(html).filter((href) => !/^(#[\w-]+|https?:\/\/)/.test(href));
    expect(bad).toEqual([]);
    expect(block(html, 'src-2')).toMatch(
      /href="https:\/\/www\.forbes\.com\/[^"]+"[^>]*>forbes\.com</,
    );
    expect(block(html, 'src-3')).not.toContain('href=');
  });

  it('links each citation to the numbered source of the article it names', () => {
    const refs = new Map(freshModel().articles.map((a) => [a.id, a.ref]));
    for (const highlight of freshModel().highlights) {
      const item = block(html, `kd-${highlight.number}`);
      const cited = [...item.matchAll(/href="#src-(\d+)"/g)].map((m) => Number(m[1]));
      expect(cited).toEqual(highlight.sources.map((id) => refs.get(id)).sort());
    }
    const targets = hrefs(html).filter((href) => href.startsWith('#'));
    expect(targets.length).toBeGreaterThan(10);
    for (const target of targets) expect(html).toContain(`id="${target.slice(1)}"`);
  });

  it('lists sources with "unknown source", "date unknown" and "(year inferred)" where due', () => {
    expect(block(html, 'src-1')).toContain('TASS');
    expect(block(html, 'src-1')).toContain('30 August 2026 <span class="inferred">(year inferred)');
    expect(block(html, 'src-2')).toContain('16 August 2021');
    expect(block(html, 'src-2')).not.toContain('inferred');
    expect(block(html, 'src-3')).toContain('unknown source');
    expect(block(html, 'src-3')).toContain('date unknown');
    expect(block(html, 'src-1')).toContain('incoming/000_tass_uk.txt');
  });

  it('groups an actor’s items under theme sub-headings and points back to key developments', () => {
    const russia = block(html, 'actor-RUS');
    expect(russia).toContain('in 3 articles');
    const subheadings = [...russia.matchAll(/<h4>(.*?)<\/h4>/g)].map((m) =>
      (m[1] ?? '').replace(/<[^>]+>/g, ''),
    );
    expect(subheadings).toEqual(['Diplomacy', 'Humanitarian']);
    expect(russia).toMatch(/→ Key developments <a href="#kd-1">1<\/a>, <a href="#kd-2">2<\/a>/);
    expect(block(html, 'actor-TALIBAN')).toContain('armed group');
  });

  it('lists each theme’s actors and points to the actor sections that hold its items', () => {
    const migration = block(html, 'theme-migration');
    expect(migration).toContain('At present, Western nations are evacuating');
    expect(migration).toMatch(/→ see <a href="#actor-GBR">United Kingdom<\/a>/);
    expect(block(html, 'theme-diplomacy')).toMatch(/Actors: .*Russia.*China.*United Kingdom/);
  });

  it('draws the heat map as SVG cells with tooltips, darker for higher counts', () => {
    const svg = block(html, 'actors-themes');
    expect(svg).toContain('<svg');
    expect((svg.match(/<rect x=/g) ?? []).length).toBe(16);
    const fill = (title: string) =>
      new RegExp(`fill="(#[0-9a-f]{6})"><title>${title}</title>`).exec(svg)?.[1];
    expect(fill('Russia × Diplomacy: 6 sentences')).toBeDefined();
    expect(fill('Russia × Diplomacy: 6 sentences')).not.toBe(
      fill('Russia × Humanitarian: 1 sentence'),
    );
    expect(fill('China × Humanitarian: 0 sentences')).toBeDefined();
    expect(svg).toContain('class="legend"');
  });

  it('lists rejected uploads with their reasons, and drops the section when there are none', () => {
    expect(block(html, 'not-included')).toContain('.jpg is not supported');
    const model = freshModel();
    model.rejected = [];
    const page = renderHtml(model, templates);
    expect(page).not.toContain('not-included');
  });
});

describe('escaping of article-derived strings', () => {
  const hostile = (field: string) => `<img src=x onerror=alert(1) data-field="${field}">`;
  const cases: [string, (model: BriefModel, value: string) => void][] = [
    ['article title', (m, v) => Object.assign(m.articles[0] ?? {}, { title: v })],
    ['article key', (m, v) => Object.assign(m.articles[0] ?? {}, { key: v })],
    ['article source', (m, v) => Object.assign(m.articles[0] ?? {}, { source: v })],
    ['highlight headline', (m, v) => Object.assign(m.highlights[0] ?? {}, { headline: v })],
    ['highlight text', (m, v) => Object.assign(m.highlights[0] ?? {}, { text: v })],
    ['actor item text', (m, v) => Object.assign(m.byActor[0]?.items[0] ?? {}, { text: v })],
    ['theme item text', (m, v) => Object.assign(m.byTheme[1]?.items[0] ?? {}, { text: v })],
    ['actor name', (m, v) => Object.assign(m.byActor[0] ?? {}, { name: v })],
    ['theme name', (m, v) => Object.assign(m.byTheme[0] ?? {}, { name: v })],
    ['heat map actor', (m, v) => Object.assign(m.heatmap.actors[0] ?? {}, { name: v })],
    ['rejected key', (m, v) => Object.assign(m.rejected[0] ?? {}, { key: v })],
    ['rejected reason', (m, v) => Object.assign(m.rejected[0] ?? {}, { reason: v })],
    ['handling line', (m, v) => Object.assign(m, { handling: v })],
  ];

  it.each(cases)('escapes the %s', (field, inject) => {
    const model = freshModel();
    inject(model, hostile(field));
    const page = renderHtml(model, templates);
    expect(page).not.toContain('<img');
    expect(page).toContain(
      `&lt;img src&#x3D;x onerror&#x3D;alert(1) data-field&#x3D;&quot;${field}&quot;&gt;`,
    );
  });
});

describe('helpers', () => {
  it('writes dates out in words and keeps a malformed date visible', () => {
    expect(longDate('2026-11-22')).toBe('22 November 2026');
    expect(longDate('2021-08-05T10:00:00Z')).toBe('5 August 2021');
    expect(longDate('2021-13-05')).toBe('2021-13-05');
    expect(longDate(null)).toBe('');
  });

  it('keeps only absolute http(s) URLs', () => {
    expect(safeUrl('https://example.org/a?b=1')).toBe('https://example.org/a?b=1');
    expect(safeUrl(' http://example.org ')).toBe('http://example.org/');
    for (const url of [
      'javascript:alert(1)',
      ' JAVASCRIPT:alert(1)',
      'data:text/html,x',
      '//evil.example',
      '/relative',
      null,
    ]) {
      expect(safeUrl(url)).toBe('');
    }
  });

  it('draws no heat map when there are no actors or no themes', () => {
    expect(heatmapView({ actors: [], themes: [{ id: 'a', name: 'A' }], cells: [] })).toBeNull();
    const model = freshModel();
    model.heatmap.actors = [];
    const section = block(renderHtml(model, templates), 'actors-themes');
    expect(section).not.toContain('<svg');
    expect(section).toContain('No actors or themes to compare.');
  });
});

describe('custom template folders', () => {
  const dirs: string[] = [];
  const folder = (files: Record<string, string>) => {
    const dir = mkdtempSync(join(tmpdir(), 'brief-templates-'));
    dirs.push(dir);
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(join(dir, name, '..'), { recursive: true });
      writeFileSync(join(dir, name), text);
    }
    return dir;
  };
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
    vi.restoreAllMocks();
  });

  it('replaces the default page, partials and CSS', () => {
    const dir = folder({
      'brief.hbs':
        '<style>{{{css}}}</style><p>{{brief.title}}|{{> when}}|{{citations highlights.1.sources}}</p>',
      'brief.css': 'p { color: red }\n',
      'partials/when.hbs': '{{longDate brief.edition}}\n',
    });
    expect(renderHtml(freshModel(), loadTemplates(dir))).toBe(
      '<style>p { color: red }\n</style><p>Daily Diplomatic Brief|22 November 2026|<span class="cites">' +
        '<a class="cite" href="#src-1" aria-label="source 1">[1]</a> ' +
        '<a class="cite" href="#src-2" aria-label="source 2">[2]</a></span></p>',
    );
  });

  it('does not see partials of another template set', () => {
    const dir = folder({ 'brief.hbs': '{{> masthead}}', 'brief.css': '' });
    renderHtml(freshModel(), templates);
    expect(() => renderHtml(freshModel(), loadTemplates(dir))).toThrow(ConfigError);
  });

  it('names the missing file and the fix', () => {
    const dir = folder({ 'brief.hbs': '<p></p>' });
    expect(() => loadTemplates(dir)).toThrow(ConfigError);
    expect(() => loadTemplates(dir)).toThrow(/brief\.css is missing; .*copy the default templates/);
  });

  it('reports a template that does not parse by file name', () => {
    const dir = folder({
      'brief.hbs': '<p></p>',
      'brief.css': '',
      'partials/bad.hbs': '{{#if x}}',
    });
    expect(() => renderHtml(freshModel(), loadTemplates(dir))).toThrow(/partials\/bad\.hbs/);
  });

  it('compiles a template set once, however often it renders', () => {
    const create = vi.spyOn(Handlebars, 'create');
    const set: TemplateSet = { page: '{{brief.edition}}', partials: {}, css: '' };
    expect(renderHtml(freshModel(), set)).toBe('2026-11-22');
    expect(renderHtml(freshModel(), set)).toBe('2026-11-22');
    expect(create).toHaveBeenCalledTimes(1);
    renderHtml(freshModel(), { ...set });
    expect(create).toHaveBeenCalledTimes(2);
  });
});

describe('renderHtml and the length budget, stories and paper', () => {
  it('says what was left out, names the same-story sources, and prints on the model’s paper', () => {
    const model = freshModel();
    const other = model.articles[0];
    model.highlights[0] = {
      ...(model.highlights[0] as (typeof model.highlights)[0]),
      alsoIn: [other?.id as string],
    };
    model.omitted = { pages: 4, items: 1, actors: [] };
    model.paper = 'letter';
    const page = renderHtml(model, templates);
    expect(page).toContain('To fit about 4 pages, 1 lower-ranked item was left out');
    expect(block(page, 'kd-1')).toMatch(
      new RegExp(`same story: <span class="cites"><a class="cite" href="#src-${other?.ref}"`),
    );
    expect(page).toContain('@page { size: letter; }');
    expect(html).toContain('@page { size: A4; }');
    expect(html).not.toContain('left out');
  });
});
