import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultBriefOptions } from '../../functions/brief/brief-options';
import { buildBrief } from '../../functions/brief/build-brief';
import type { ArticleRecord, BriefModel, Highlight } from '../../functions/model/types';
import { briefToText } from '../../functions/render/text/plain-text';
import { buildBriefView } from '../../functions/render/view/brief-view';
import { parseUpload } from '../helpers/parse';
import { pdfToText } from '../helpers/pdf';
import { tempFsStore, testDeps } from '../helpers/pipeline';
import { reference } from '../helpers/reference';

/** The uploads of a case folder under test/fixtures/brief-cases, parsed as ingest would. */
function uploads(name: string): ArticleRecord[] {
  const dir = join(process.cwd(), 'test', 'fixtures', 'brief-cases', name);
  return readdirSync(dir)
    .filter((file) => file.endsWith('.txt'))
    .sort()
    .map((file) => parseUpload(readFileSync(join(dir, file)), `incoming/${file}`));
}

function build(articles: ArticleRecord[]): BriefModel {
  return buildBrief({
    edition: '2026-11-22',
    generatedAt: new Date('2026-11-22T06:00:00Z'),
    articles,
    rejected: [],
    reference: reference(),
    options: defaultBriefOptions,
  });
}

const idOf = (articles: ArticleRecord[], file: string) =>
  (articles.find((article) => article.key.endsWith(file)) as ArticleRecord).id;
const cited = (highlight: Highlight | undefined) =>
  new Set([...(highlight?.sources ?? []), ...(highlight?.alsoIn ?? [])]);
const storyOf = (model: BriefModel, id: string) =>
  model.stories?.find((story) => story.articles.includes(id));

describe('two reports of one event by different outlets, worded differently', () => {
  const articles = uploads('one-event-three-reports');
  const model = build(articles);
  const [wire, daily, dated, other] = [
    '01-wire.txt',
    '02-regional-daily.txt',
    '03-dated-page.txt',
    '04-other-event.txt',
  ].map((file) => idOf(articles, file)) as [string, string, string, string];

  it('are one story, apart from another event of the same week', () => {
    const story = storyOf(model, wire);
    expect(new Set(story?.articles)).toEqual(new Set([wire, daily, dated]));
    expect(story?.articles).not.toContain(other);
    expect(story?.independentSources).toBe(3);
  });

  it('take the best real title as headline: not a date line, not a derived title', () => {
    const story = storyOf(model, wire);
    expect(story?.headline).toBe(
      'Chile and Argentina reopen Andes border crossing after landslide',
    );
    expect(story?.headlineFromLead).toBeUndefined();
    expect(story?.outlets).toContain('Reuters');
    expect(story?.firstReport).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(story?.lastReport).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('get one key development citing all three reports, under that headline', () => {
    const about = model.highlights.filter((h) => cited(h).has(wire));
    const first = about[0];
    expect(first?.headline).toBe(
      'Chile and Argentina reopen Andes border crossing after landslide',
    );
    expect(cited(first)).toEqual(new Set([wire, daily, dated]));
    expect(buildBriefView(model).highlights[0]?.headline).toBe(first?.headline);
  });
});

describe('two events sharing their vocabulary: strikes on one city a week apart', () => {
  const articles = uploads('two-strikes-one-city');
  const model = build(articles);
  const [depotWire, depotReport, airportWire, airportReport] = [
    '01-depot-wire.txt',
    '02-depot-report.txt',
    '03-airport-wire.txt',
    '04-airport-report.txt',
  ].map((file) => idOf(articles, file)) as [string, string, string, string];

  it('stay two stories, each of its own two reports', () => {
    expect(new Set(storyOf(model, depotWire)?.articles)).toEqual(new Set([depotWire, depotReport]));
    expect(new Set(storyOf(model, airportWire)?.articles)).toEqual(
      new Set([airportWire, airportReport]),
    );
  });

  it('each lead a key development of their own', () => {
    const [first, second] = model.highlights;
    const stories = [first, second].map((h) => h?.story);
    expect(new Set(stories)).toEqual(
      new Set([storyOf(model, depotWire)?.id, storyOf(model, airportWire)?.id]),
    );
  });
});

describe('news value', () => {
  const articles = uploads('news-value');
  const model = build(articles);
  const pact = ['01-pact-wire.txt', '02-pact-report.txt', '03-pact-agency.txt'].map((file) =>
    idOf(articles, file),
  );
  const visit = idOf(articles, '04-single-visit.txt');
  const opinion = idOf(articles, '05-opinion.txt');
  const position = (id: string) => model.highlights.findIndex((h) => cited(h).has(id));

  it('puts the story most outlets report first, citing each of them', () => {
    expect(cited(model.highlights[0])).toEqual(new Set(pact));
    const story = model.stories?.find((s) => s.articles.includes(pact[0] as string));
    expect(story?.independentSources).toBe(3);
    expect(new Set(story?.outlets)).toEqual(new Set(['Reuters', 'Al Jazeera', 'AFP']));
  });

  it('ranks a single-source event above an opinion piece, and both below the story', () => {
    expect(position(visit)).toBeGreaterThan(0);
    const opinionAt = position(opinion);
    if (opinionAt !== -1) expect(opinionAt).toBeGreaterThan(position(visit));
  });

  it('shows the story by a sentence that states the event, not a quote or background', () => {
    const text = model.highlights[0]?.text ?? '';
    expect(text).toMatch(/^Ghana and Togo (?:signed|agreed|sealed)/);
    expect(text).not.toMatch(/^["“]/);
  });
});

describe('a headline cut from the lead', () => {
  const articles = uploads('derived-headline');
  const model = build(articles);
  const untitled = idOf(articles, '01-untitled.txt');
  const lead = 'The foreign ministers of Malaysia and Indonesia agreed in Kuala Lumpur';
  const count = (text: string) => text.split(lead).length - 1;

  it('is known as derived, and the key development shows the lead once', () => {
    const story = storyOf(model, untitled);
    expect(story?.headlineFromLead).toBe(true);
    const view = buildBriefView(model);
    const mine = view.highlights.filter((h) => h.sources.includes(untitled));
    expect(mine.length).toBeGreaterThan(0);
    for (const highlight of mine) expect(highlight.headline).toBe('');
    expect(mine.filter((h) => h.text.startsWith(lead))).toHaveLength(1);
  });

  it('is printed once in the HTML, the PDF and the plain text', async () => {
    const deps = testDeps(tempFsStore());
    const html = deps.renderers.html(model);
    const keyDevelopments = html.slice(
      html.indexOf('id="key-developments"'),
      html.indexOf('</section>', html.indexOf('id="key-developments"')),
    );
    expect(count(keyDevelopments)).toBe(1);
    expect(keyDevelopments).not.toContain(`<strong class="headline">${lead}`);
    const pdf = pdfToText(await deps.renderers.pdf(model)).replace(/\s+/g, ' ');
    const front = pdf.slice(0, pdf.indexOf('By actor') > 0 ? pdf.indexOf('By actor') : undefined);
    expect(count(front)).toBe(1);
    const text = briefToText(model, null);
    const kd = text.slice(0, text.indexOf('BY ACTOR') > 0 ? text.indexOf('BY ACTOR') : undefined);
    expect(count(kd)).toBe(1);
  });
});
