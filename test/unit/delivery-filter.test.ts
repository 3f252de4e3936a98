import { beforeAll, describe, expect, it } from 'vitest';
import { filterBrief } from '../../functions/delivery/filter-brief';
import type { BriefItem, BriefModel } from '../../functions/model/types';
import type { PipelineDeps } from '../../functions/pipeline/pipeline-deps';
import { seedBrief } from './delivery-helpers';

const centralAsia = ['KAZ', 'KGZ', 'TJK', 'TKM', 'UZB'];
const allItems = (model: BriefModel): BriefItem[] => [
  ...model.highlights,
  ...model.byActor.flatMap((s) => s.items),
  ...model.byTheme.flatMap((s) => s.items),
];
const about = (actors: string[]) => (item: BriefItem) =>
  item.actors.some((a) => actors.includes(a));

describe('a brief filtered for a distribution list (the five seeds)', () => {
  let model: BriefModel;
  let deps: PipelineDeps;

  beforeAll(async () => {
    ({ model, deps } = await seedBrief());
    // The seeds speak of the Central Asian states in some sentences, not all.
    expect(allItems(model).some(about(centralAsia))).toBe(true);
    expect(allItems(model).some((item) => !about(centralAsia)(item))).toBe(true);
  });

  it('gives the full brief unchanged in mode "full"', () => {
    expect(filterBrief(model, { actors: [], themes: [], mode: 'full', label: null })).toBe(model);
  });

  describe('mode "only" (Central Asia desk)', () => {
    let desk: BriefModel;
    beforeAll(() => {
      desk = filterBrief(model, {
        actors: centralAsia,
        themes: [],
        mode: 'only',
        label: 'Central Asia desk',
      });
    });

    it('keeps exactly the items about its actors', () => {
      const kept = allItems(desk);
      expect(kept.length).toBeGreaterThan(0);
      expect(kept.every(about(centralAsia))).toBe(true);
      expect(kept.map((i) => i.id).sort()).toEqual(
        allItems(model)
          .filter(about(centralAsia))
          .map((i) => i.id)
          .sort(),
      );
    });

    it('renumbers key developments and the references to them', () => {
      expect(desk.highlights.map((h) => h.number)).toEqual(desk.highlights.map((_, i) => i + 1));
      const numbers = new Set(desk.highlights.map((h) => h.number));
      for (const section of [...desk.byActor, ...desk.byTheme])
        for (const n of section.seeHighlights) expect(numbers.has(n)).toBe(true);
    });

    it('keeps only the sources its items cite, numbered from 1', () => {
      const cited = new Set(allItems(desk).flatMap((i) => i.sources));
      expect(desk.articles.map((a) => a.id).sort()).toEqual([...cited].sort());
      expect(desk.articles.map((a) => a.ref)).toEqual(desk.articles.map((_, i) => i + 1));
      expect(desk.stats.articles).toBe(desk.articles.length);
    });

    it('drops sections that are left empty and heat-map rows of dropped actors', () => {
      for (const section of desk.byActor)
        expect(section.items.length + section.seeHighlights.length).toBeGreaterThan(0);
      const shown = new Set(desk.byActor.map((s) => s.id));
      expect(desk.heatmap.actors.every((a) => shown.has(a.id))).toBe(true);
      expect(desk.heatmap.cells.every((c) => shown.has(c.actor))).toBe(true);
    });

    it('points "→ see <actor>" only at sections that still hold an item of the theme', () => {
      for (const theme of desk.byTheme)
        for (const actor of theme.seeActors) {
          const section = desk.byActor.find((s) => s.id === actor.id);
          expect(section?.items.some((item) => item.themes.includes(theme.id))).toBe(true);
        }
    });

    it('renders to HTML and PDF with the ordinary renderers, titled for the desk', async () => {
      expect(desk.title).toBe('Daily Diplomatic Brief — Central Asia desk');
      const html = deps.renderers.html(desk);
      expect(html).toContain('Central Asia desk');
      const dropped = allItems(model).filter((item) => !about(centralAsia)(item));
      for (const item of dropped) expect(html).not.toContain(item.text.slice(0, 60));
      const pdf = await deps.renderers.pdf(desk);
      expect(Buffer.from(pdf.slice(0, 5)).toString()).toBe('%PDF-');
    });
  });

  describe('mode "first"', () => {
    let desk: BriefModel;
    beforeAll(() => {
      desk = filterBrief(model, { actors: centralAsia, themes: [], mode: 'first', label: null });
    });

    it("keeps every item, and puts the list's own first", () => {
      expect(
        allItems(desk)
          .map((i) => i.id)
          .sort(),
      ).toEqual(
        allItems(model)
          .map((i) => i.id)
          .sort(),
      );
      const firstOther = desk.highlights.findIndex((h) => !about(centralAsia)(h));
      const lastOwn = desk.highlights.map(about(centralAsia)).lastIndexOf(true);
      if (firstOther >= 0 && lastOwn >= 0) expect(lastOwn).toBeLessThan(firstOther);
      // The five states are only named together in one statement: they have no section of
      // their own but one "Also in today's reports" line, which comes first.
      const theirs = desk.byActor.findIndex(
        (s) => centralAsia.includes(s.id) || s.items.some(about(centralAsia)),
      );
      if (theirs >= 0) expect(theirs).toBe(0);
      expect(desk.alsoMentioned?.[0]?.actors.map((a) => a.id).sort()).toEqual(centralAsia);
      for (const section of desk.byActor) {
        const flags = section.items.map(about(centralAsia));
        expect(flags).toEqual([...flags].sort((a, b) => Number(b) - Number(a)));
      }
    });

    it('keeps the references to key developments pointing at the same items', () => {
      const byNumber = (m: BriefModel) => new Map(m.highlights.map((h) => [h.number, h.id]));
      const before = byNumber(model);
      const after = byNumber(desk);
      model.byActor.forEach((section) => {
        const same = desk.byActor.find((s) => s.id === section.id);
        expect(same?.seeHighlights.map((n) => after.get(n)).sort()).toEqual(
          section.seeHighlights.map((n) => before.get(n)).sort(),
        );
      });
    });
  });
});
