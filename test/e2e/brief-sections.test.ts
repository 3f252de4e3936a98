import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadTemplates } from '../../functions/render/html/load-templates';
import { renderHtml } from '../../functions/render/html/render-html';
import { loadPdfFonts } from '../../functions/render/pdf/load-fonts';
import { renderPdf } from '../../functions/render/pdf/render-pdf';
import { briefToText } from '../../functions/render/text/plain-text';
import { briefOf, fixtureArticles } from '../helpers/brief-cases';
import { hasChromium, launchChromium } from '../helpers/browser';
import { pdfToText } from '../helpers/pdf';

// One mixed day: a story told in English, French and Spanish (and an English report quoting a
// French sentence), two diplomatic stories with a football transfer, a celebrity split and a
// match report among them, a statement naming five states in passing, and a rejected upload.
const model = briefOf(
  fixtureArticles(
    'brief-cases/other-languages',
    'brief-cases/off-topic',
    'brief-cases/also-mentioned',
  ),
);
model.rejected.push({
  key: 'incoming/photo.jpg',
  reason: 'incoming/photo.jpg: .jpg files are not supported; upload .txt, .md or .html',
});
const html = renderHtml(model, loadTemplates('templates'));
const flat = (text: string) => text.replace(/\s+/g, ' ').trim();

/** What every rendering must show, as a reader reads it (whitespace folded). */
const expected = {
  otherLanguages: [
    'Le Pérou et la Bolivie signent un accord pour sauver le lac Titicaca — French',
    'Perú y Bolivia firman un acuerdo para limpiar el lago Titicaca — Spanish',
  ],
  alsoMentioned: 'Estonia, Finland, Latvia, Lithuania, Poland → see Germany',
  notIncluded: [
    'incoming/03-transfer.txt — Striker Tomas Rivera completes record transfer to Milan club — off-topic: sport (no state or organisation acting)',
    'incoming/04-celebrity.txt — Film star couple announce split after eight years of marriage — off-topic: entertainment (no state or organisation acting)',
    'incoming/05-match-report.txt — Brazil beat Japan 3-1 to top their World Cup group — off-topic: sport (no state or organisation acting)',
    'incoming/photo.jpg — .jpg files are not supported; upload .txt, .md or .html',
  ],
  /** Words of the French and Spanish articles and of the French quote: never printed. */
  neverQuoted: [
    'se tient prête',
    'stations d’épuration',
    "stations d'épuration",
    'aguas residuales',
  ],
};

describe('the new sections in every rendering of one mixed day', () => {
  it('puts them in the model the renderers read', () => {
    expect(model.otherLanguages).toHaveLength(2);
    expect(model.offTopic).toHaveLength(3);
    expect(model.alsoMentioned?.length).toBeGreaterThan(0);
  });

  it('reads them back from the PDF (pdftotext), and no foreign sentence', async () => {
    const text = flat(pdfToText(await renderPdf(model, loadPdfFonts(process.cwd()))));
    for (const heading of ['In other languages', "Also in today's reports", 'Not included'])
      expect(text).toContain(heading);
    for (const entry of expected.otherLanguages) expect(text).toContain(entry);
    expect(text).toContain(expected.alsoMentioned);
    for (const entry of expected.notIncluded) expect(text).toContain(entry);
    expect(text).toContain('4 uploads not included');
    for (const words of expected.neverQuoted) expect(text).not.toContain(words);
  });

  it('writes them in the e-mail’s plain text', () => {
    const text = flat(briefToText(model, null));
    for (const entry of expected.otherLanguages) expect(text).toContain(entry);
    expect(text).toContain("Also in today's reports: - ");
    expect(text).toContain(`- ${expected.alsoMentioned}`);
    for (const entry of expected.notIncluded) expect(text).toContain(entry);
    for (const words of expected.neverQuoted) expect(text).not.toContain(words);
  });
});

describe.skipIf(!hasChromium)('the new sections in Chromium', () => {
  let browser: Browser;
  let page: Page;
  const text = async (selector: string) =>
    (await page.locator(selector).allTextContents()).map(flat);

  beforeAll(async () => {
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 375, height: 800 } });
    await page.route('**/*', (route) => route.abort());
    await page.setContent(html, { waitUntil: 'load' });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('lists the reports in other languages as a list, titles marked with their language', async () => {
    expect(await text('#other-languages > h2')).toEqual(['In other languages']);
    const entries = await text('#other-languages ul > li');
    expect(entries).toHaveLength(2);
    expected.otherLanguages.forEach((entry, i) => {
      expect(entries[i]).toContain(entry);
    });
    expect(await page.locator('#other-languages cite[lang="fr"]').count()).toBe(1);
    expect(await page.locator('#other-languages cite[lang="es"]').count()).toBe(1);
  });

  it('names the actors without a section on one line, inside "By actor"', async () => {
    expect(await text('#by-actor #also-mentioned > h3')).toEqual(["Also in today's reports"]);
    expect(await text('#also-mentioned li')).toContain(expected.alsoMentioned);
    // No actor section is empty.
    const sections = await page.locator('#by-actor section.entity').count();
    const withItems = await page.locator('#by-actor section.entity:has(ul.items li)').count();
    expect(withItems).toBe(sections);
  });

  it('lists rejected and off-topic uploads under Not included, with their reasons', async () => {
    expect(await text('#not-included > h2')).toEqual(['Not included']);
    expect(await text('#not-included li')).toEqual(expected.notIncluded.map(flat));
    expect(await text('.masthead .stats')).toEqual([
      '8 articles from 8 sources · 4 uploads not included',
    ]);
  });

  it('shows no sentence of the French and Spanish articles, nor the French quote', async () => {
    const body = flat((await page.locator('main').textContent()) ?? '');
    for (const words of expected.neverQuoted) expect(body).not.toContain(words);
  });

  it('keeps headings in order and every in-page link pointing somewhere', async () => {
    const levels = await page.$$eval('h1, h2, h3, h4, h5, h6', (headings) =>
      headings.map((h) => Number(h.tagName.slice(1))),
    );
    expect(levels.filter((level, i) => i > 0 && level > (levels[i - 1] ?? 0) + 1)).toEqual([]);
    const broken = await page.$$eval('a[href^="#"]', (links) => {
      const { document } = globalThis as unknown as InPage;
      return links
        .map((a) => a.getAttribute('href')?.slice(1) ?? '')
        .filter((id) => !document.getElementById(id));
    });
    expect(broken).toEqual([]);
  });
});

/** The DOM member the in-page check uses; the project compiles without the DOM lib. */
interface InPage {
  document: { getElementById(id: string): unknown };
}
