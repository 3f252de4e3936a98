import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import axe from 'axe-core';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadTemplates } from '../../functions/render/html/load-templates';
import { renderHtml } from '../../functions/render/html/render-html';
import { CHROMIUM, hasChromium, launchChromium } from '../helpers/browser';
import { largeBriefModel } from '../helpers/large-brief';
import { seedBrief } from '../unit/delivery-helpers';

if (!hasChromium) {
  console.warn(`skipping the axe test: ${CHROMIUM} not found (apt-get install chromium)`);
}

/** The rules run: WCAG 2.0, 2.1 and 2.2 at levels A and AA, and axe's best practices. */
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
const VIEWPORTS = [
  { name: 'phone', width: 375, height: 800 },
  { name: 'desktop', width: 1280, height: 900 },
];

interface AxeSummary {
  violations: { id: string; impact: string | null; help: string; targets: string[] }[];
  passes: number;
  incomplete: string[];
}

const root = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));
const summaries: Record<string, { passes: number; incomplete: string[] }> = {};

describe.skipIf(!hasChromium)(
  'axe-core on the HTML brief in Chromium (WCAG 2.2 AA, best practice)',
  () => {
    let browser: Browser;
    const pages: Record<string, string> = {};

    beforeAll(async () => {
      const templates = loadTemplates(root('templates'));
      pages['the samples’ brief'] = renderHtml((await seedBrief()).model, templates);
      pages['a large generated brief'] = renderHtml(largeBriefModel(), templates);
      browser = await launchChromium();
    });

    afterAll(async () => {
      await browser?.close();
      mkdirSync(root('test/artifacts'), { recursive: true });
      writeFileSync(root('test/artifacts/axe-summary.json'), JSON.stringify(summaries, null, 2));
    });

    /** axe-core run in the page: the brief's own CSP forbids scripts, so the test bypasses it. */
    async function audit(html: string, viewport: { width: number; height: number }) {
      const context = await browser.newContext({ viewport, bypassCSP: true });
      try {
        const page = await context.newPage();
        await page.route('**/*', (route) => route.abort());
        await page.setContent(html, { waitUntil: 'load' });
        await page.addScriptTag({ content: axe.source });
        return await page.evaluate(async (tags): Promise<AxeSummary> => {
          const { axe: run } = globalThis as unknown as { axe: typeof axe };
          const results = await run.run(
            (globalThis as unknown as { document: unknown }).document as never,
            { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] },
          );
          return {
            violations: results.violations.map((rule) => ({
              id: rule.id,
              impact: rule.impact ?? null,
              help: rule.help,
              targets: rule.nodes.slice(0, 5).map((node) => node.target.join(' ')),
            })),
            passes: results.passes.length,
            incomplete: results.incomplete.map((rule) => rule.id),
          };
        }, TAGS);
      } finally {
        await context.close();
      }
    }

    it('reports a violation when there is one (an image without alternative text)', async () => {
      const broken =
        '<!DOCTYPE html><html lang="en"><title>t</title><main><img src="data:,"></main></html>';
      const summary = await audit(broken, { width: 800, height: 600 });
      expect(summary.violations.map((rule) => rule.id)).toContain('image-alt');
    });

    for (const name of ['the samples’ brief', 'a large generated brief'])
      for (const viewport of VIEWPORTS)
        it(`finds no violation in ${name} on a ${viewport.name} (${viewport.width} px)`, async () => {
          const html = pages[name];
          if (!html) throw new Error(`${name} was not rendered`);
          const summary = await audit(html, viewport);
          summaries[`${name}, ${viewport.name}`] = {
            passes: summary.passes,
            incomplete: summary.incomplete,
          };
          expect(summary.violations).toEqual([]);
          expect(summary.passes).toBeGreaterThan(20);
        });
  },
);
