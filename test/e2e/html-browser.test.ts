import { mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BriefModel } from '../../functions/model/types';
import { loadTemplates } from '../../functions/render/html/load-templates';
import { renderHtml } from '../../functions/render/html/render-html';
import { CHROMIUM, hasChromium, launchChromium } from '../helpers/browser';

if (!hasChromium) {
  console.warn(`skipping the HTML browser test: ${CHROMIUM} not found (apt-get install chromium)`);
}

/** The DOM members the in-page checks use; the project compiles without the DOM lib on purpose. */
interface PageElement {
  tagName: string;
  className: unknown;
  parentElement: PageElement | null;
  childNodes: ArrayLike<{ nodeType: number; textContent: string | null }>;
  getBoundingClientRect(): { left: number; right: number; width: number };
  closest(selector: string): PageElement | null;
}
interface PageGlobals {
  innerWidth: number;
  document: {
    documentElement: { scrollWidth: number };
    querySelectorAll(selector: string): ArrayLike<PageElement>;
    getElementById(id: string): PageElement | null;
  };
  getComputedStyle(el: PageElement): { color: string; backgroundColor: string; visibility: string };
}

const root = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));
const model = JSON.parse(
  readFileSync(root('test/fixtures/brief-model.json'), 'utf8'),
) as BriefModel;
// Real uploads have long unbroken file names; one must wrap rather than widen the page.
const longKey = `incoming/${'Afghanistan_recognition_statement_'.repeat(4)}final.txt`;
model.rejected.push({
  key: longKey,
  reason: `${longKey}: the file is empty; upload the article's text`,
});
const html = renderHtml(model, loadTemplates(root('templates')));

describe.skipIf(!hasChromium)('the HTML brief in Chromium', () => {
  let browser: Browser;
  let page: Page;
  const consoleErrors: string[] = [];
  const pageErrors: string[] = [];
  const requests: string[] = [];
  const dialogs: string[] = [];

  beforeAll(async () => {
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 375, height: 800 } });
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('request', (request) => requests.push(request.url()));
    page.on('dialog', async (dialog) => {
      dialogs.push(dialog.message());
      await dialog.dismiss();
    });
    // Nothing may leave the machine even if the page asked for it; the request is still recorded.
    await page.route('**/*', (route) => route.abort());
    await page.setContent(html, { waitUntil: 'load' });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('loads with no console errors, no page errors and no dialogs', () => {
    expect(consoleErrors).toEqual([]);
    expect(pageErrors).toEqual([]);
    expect(dialogs).toEqual([]);
  });

  it('makes no network request at all', () => {
    const external = requests.filter((url) => !/^(about:blank|data:)/.test(url));
    expect(external).toEqual([]);
  });

  it('contains no script element, so hostile article text cannot run', async () => {
    expect(await page.locator('script').count()).toBe(0);
    const hostile = await page.locator('#actor-RUS li').nth(1).textContent();
    expect(hostile).toContain("<script>alert('pwned')</script>");
  });

  it('declares the language and has banner, navigation and main landmarks', async () => {
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.locator('body > header').count()).toBe(1);
    expect(await page.locator('nav').count()).toBeGreaterThanOrEqual(1);
    expect(await page.locator('main').count()).toBe(1);
    const unlabelled = await page.$$eval('main section', (sections) =>
      sections.filter((s) => !s.querySelector(':scope > h2, :scope > h3')).map((s) => s.id),
    );
    expect(unlabelled).toEqual([]);
  });

  it('has one h1 and never skips a heading level', async () => {
    const levels = await page.$$eval('h1, h2, h3, h4, h5, h6', (headings) =>
      headings.map((h) => Number(h.tagName.slice(1))),
    );
    expect(levels[0]).toBe(1);
    expect(levels.filter((level) => level === 1)).toHaveLength(1);
    const skips = levels.filter((level, i) => i > 0 && level > (levels[i - 1] ?? 0) + 1);
    expect(skips).toEqual([]);
  });

  it('points every in-page link at an element that exists', async () => {
    const broken = await page.$$eval('a[href^="#"]', (links) => {
      const { document } = globalThis as unknown as PageGlobals;
      return links
        .map((a) => a.getAttribute('href')?.slice(1) ?? '')
        .filter((id) => !document.getElementById(id));
    });
    expect(broken).toEqual([]);
  });

  it('fits a 375 px phone without horizontal overflow', async () => {
    const { scrollWidth, wide } = await page.evaluate(() => {
      const { document, innerWidth } = globalThis as unknown as PageGlobals;
      const limit = innerWidth + 0.5;
      const wide = Array.from(document.querySelectorAll('body *'))
        .map((el) => ({ el, box: el.getBoundingClientRect() }))
        .filter(
          ({ box }) => box.width > 0 && (box.width > limit || box.right > limit || box.left < -0.5),
        )
        .map(
          ({ el, box }) => `${el.tagName.toLowerCase()}.${el.className} ${box.left}–${box.right}`,
        );
      return { scrollWidth: document.documentElement.scrollWidth, wide };
    });
    expect(scrollWidth).toBeLessThanOrEqual(375);
    expect(wide).toEqual([]);
    mkdirSync(root('test/artifacts'), { recursive: true });
    await page.screenshot({ path: root('test/artifacts/brief-375.png'), fullPage: true });
  });

  it('keeps body text at WCAG AA contrast (4.5:1) against its background', async () => {
    const failures = await page.evaluate(() => {
      const { document, getComputedStyle } = globalThis as unknown as PageGlobals;
      const TEXT_NODE = 3;
      const rgb = (value: string) => (value.match(/[\d.]+/g) ?? []).map(Number);
      const luminance = ([r = 0, g = 0, b = 0]: number[]) => {
        const lin = (c: number) => {
          const s = c / 255;
          return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
        };
        return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
      };
      const background = (el: PageElement | null): number[] => {
        for (let node = el; node; node = node.parentElement) {
          const parts = rgb(getComputedStyle(node).backgroundColor);
          if (parts.length === 3 || (parts[3] ?? 0) > 0) return parts.slice(0, 3);
        }
        return [255, 255, 255];
      };
      const out: string[] = [];
      for (const el of Array.from(document.querySelectorAll('body *'))) {
        const hasText = Array.from(el.childNodes).some(
          (n) => n.nodeType === TEXT_NODE && n.textContent?.trim(),
        );
        if (!hasText || el.closest('svg')) continue;
        const style = getComputedStyle(el);
        if (style.visibility === 'hidden' || el.getBoundingClientRect().width === 0) continue;
        const [l1, l2] = [luminance(rgb(style.color)), luminance(background(el))].sort(
          (a, b) => b - a,
        );
        const ratio = ((l1 ?? 0) + 0.05) / ((l2 ?? 0) + 0.05);
        if (ratio < 4.5)
          out.push(`${el.tagName.toLowerCase()}.${el.className}: ${ratio.toFixed(2)}`);
      }
      return out;
    });
    expect(failures).toEqual([]);
  });

  it('draws the heat map as an SVG picture with a legend', async () => {
    const svg = page.locator('#actors-themes svg[role="img"]');
    expect(await svg.count()).toBe(1);
    const box = await svg.boundingBox();
    expect(box?.width).toBeGreaterThan(200);
    const cells = model.heatmap.actors.length * model.heatmap.themes.length;
    expect(await svg.locator('rect').count()).toBe(cells);
    expect(await page.locator('#actors-themes .legend li').count()).toBeGreaterThan(2);
  });

  it('prints without the navigation, with web addresses spelt out, as a paged PDF', async () => {
    await page.emulateMedia({ media: 'print' });
    try {
      expect(await page.locator('nav.toc').isVisible()).toBe(false);
      const after = await page
        .locator('.sources a[href^="http"]')
        .first()
        .evaluate(
          (el) =>
            (
              globalThis as unknown as {
                getComputedStyle(e: unknown, pseudo: string): { content: string };
              }
            ).getComputedStyle(el, '::after').content,
        );
      expect(after).toContain('https://');
      const pdf = await page.pdf({ preferCSSPageSize: true });
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    } finally {
      await page.emulateMedia({ media: 'screen' });
    }
  });
});
