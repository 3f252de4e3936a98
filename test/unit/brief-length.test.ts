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

/** The states a synthetic article's lead names: the two sides of the meeting it reports. */
const sides = new Map(
  records.map((record) => [
    record.id,
    [...new Set(record.sentences.filter((s) => s.paragraph === 0).flatMap((s) => s.actors))]
      .filter((id) => reference().actors.get(id)?.kind === 'state')
      .sort()
      .join('+'),
  ]),
);

describe('stories across 200 articles', () => {
  // Stories are events: two synthetic stories in which the same two leaders meet on the same
  // or the next day on another subject are one event by everything the text says (who, when,
  // what), so a story may hold several generated stories; it must not hold other meetings.
  it('groups copies and rewrites of a story, and almost never two meetings of other sides', async () => {
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
    const stories = found.filter((story) => story.articles.length > 1);
    const storyOf = new Map(stories.flatMap((story) => story.articles.map((id) => [id, story.id])));
    // Every generated story told by several articles is told by one story of the brief.
    const together = [...told.keys()].filter((id) => {
      const members = records.filter((record) => trueStory.get(record.id) === id);
      return members.length > 1 && new Set(members.map((m) => storyOf.get(m.id))).size === 1;
    });
    expect(together.length).toBeGreaterThanOrEqual(multi * 0.9);
    const oneMeeting = stories.filter(
      (story) => new Set(story.articles.map((id) => sides.get(id))).size === 1,
    );
    expect(stories.length).toBeGreaterThanOrEqual(multi * 0.8);
    expect(oneMeeting.length).toBeGreaterThanOrEqual(stories.length * 0.9);
  });
});
