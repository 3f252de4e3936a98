import { describe, expect, it } from 'vitest';
import { defaultBriefOptions } from '../../functions/brief/brief-options';
import { buildBrief } from '../../functions/brief/build-brief';
import type { ArticleRecord } from '../../functions/model/types';
import { loadPdfFonts } from '../../functions/render/pdf/load-fonts';
import { renderPdf } from '../../functions/render/pdf/render-pdf';
import { syntheticArticles } from '../bench/synthetic-articles';
import { parseUpload } from '../helpers/parse';
import { pdfPageCount, pdfToText } from '../helpers/pdf';
import { reference } from '../helpers/reference';

const uploads = syntheticArticles(200, '2026-11-22');
const records: ArticleRecord[] = uploads.map((upload) =>
  parseUpload(new TextEncoder().encode(upload.body), `incoming/${upload.name}`),
);
/** The story each synthetic upload was generated for ("story-0042"). */
const trueStory = new Map(
  records.map((record) => [record.id, record.key.split('/')[1]?.slice(0, 10)]),
);
const fonts = loadPdfFonts(process.cwd());

describe('the default length budget', () => {
  it.each([
    [20, 4],
    [200, 10],
  ])('fits %i articles in about %i pages, and says what it left out', async (count, pages) => {
    const model = buildBrief({
      edition: '2026-11-22',
      generatedAt: new Date('2026-11-22T06:00:00Z'),
      articles: records.slice(0, count),
      rejected: [],
      reference: reference(),
      options: defaultBriefOptions,
    });
    const pdf = await renderPdf(model, fonts);
    const printed = pdfPageCount(pdf);
    expect(printed).toBeLessThanOrEqual(pages + 1);
    expect(printed).toBeGreaterThanOrEqual(pages - 1);
    expect(model.omitted?.items).toBeGreaterThan(0);
    expect(pdfToText(pdf).replace(/\s+/g, ' ')).toContain(`To fit about ${pages} pages`);
    // Every article stays checkable, however much was cut.
    expect(model.articles).toHaveLength(count);
  });
});

describe('stories across 200 articles', () => {
  it('groups copies and rewrites of a story, and almost never two different stories', async () => {
    const model = buildBrief({
      edition: '2026-11-22',
      generatedAt: new Date('2026-11-22T06:00:00Z'),
      articles: records,
      rejected: [],
      reference: reference(),
      options: defaultBriefOptions,
    });
    const told = new Map<string, number>();
    for (const id of trueStory.values()) told.set(id as string, (told.get(id as string) ?? 0) + 1);
    const multi = [...told.values()].filter((n) => n > 1).length;
    const found = model.stories ?? [];
    const pure = found.filter(
      (story) => new Set(story.articles.map((id) => trueStory.get(id))).size === 1,
    );
    expect(found.length).toBeGreaterThanOrEqual(multi * 0.8);
    expect(pure.length).toBeGreaterThanOrEqual(found.length * 0.95);
  });
});
