import type {
  ActorSection,
  BriefArticle,
  BriefItem,
  Highlight,
  Omitted,
  ThemeSection,
} from '../model/types';
import {
  HEADING_LINES,
  heatmapLines,
  itemLines,
  LINES_PER_PAGE,
  REFERENCE_LINES,
  SECTION_LINES,
  sourcesLines,
} from './length-budget';
import { withActorReferences } from './theme-sections';

export interface BudgetInput {
  pages: number;
  highlights: Highlight[];
  byActor: ActorSection[];
  byTheme: ThemeSection[];
  articles: Pick<BriefArticle, 'title' | 'source' | 'url' | 'key'>[];
  rejected: number;
  salience: (item: BriefItem) => number;
  themeOrder: Map<string, number>;
}

const minActorSections = 3;

/**
 * Cuts the lowest-ranked items (never a key development) until the estimated length fits the
 * page budget, then, if still too long, the last actor sections that only point back. Sources
 * and Not included are never cut: every article stays checkable. Returns the sections (actor
 * items grouped by theme, best first within a theme) and what was left out.
 */
export function cutToBudget(input: BudgetInput): {
  byActor: ActorSection[];
  byTheme: ThemeSection[];
  omitted: Omitted | null;
} {
  const budget = input.pages * LINES_PER_PAGE;
  const fixed =
    8 +
    SECTION_LINES * 3 +
    input.highlights.reduce((sum, item) => sum + itemLines(item, item.headline.length), 0) +
    heatmapLines(Math.min(12, input.byActor.length), input.byTheme.length) +
    sourcesLines(input.articles) +
    (input.rejected ? SECTION_LINES + input.rejected * 1.5 : 0);
  const sectionLines = (items: BriefItem[], references: number) =>
    HEADING_LINES + items.reduce((sum, item) => sum + itemLines(item), 0) + references;
  // One theme label per theme group inside an actor section.
  const actorLines = (section: ActorSection) =>
    sectionLines(
      section.items,
      (section.seeHighlights.length ? REFERENCE_LINES : 0) +
        new Set(section.items.map((item) => item.theme)).size * REFERENCE_LINES,
    );
  const themeLines = (section: ThemeSection) => sectionLines(section.items, 2 * REFERENCE_LINES);

  let byActor = input.byActor.map((section) => ({ ...section, items: [...section.items] }));
  let byTheme = input.byTheme.map((section) => ({ ...section, items: [...section.items] }));
  const total = () =>
    fixed +
    byActor.reduce((sum, section) => sum + actorLines(section), 0) +
    byTheme.reduce((sum, section) => sum + themeLines(section), 0);

  let length = total();
  let cutItems = 0;
  if (length > budget) {
    // Breadth first: every section's last items go before any section's first one.
    const entries = <S extends { items: BriefItem[] }>(
      sections: S[],
      pointsBack: (s: S) => boolean,
    ) =>
      sections.flatMap((section) =>
        section.items.map((item, rank) => ({
          item,
          rank,
          section,
          pointsBack: pointsBack(section),
        })),
      );
    const removable = [
      ...entries(byActor, (section) => section.seeHighlights.length > 0),
      // A theme's item goes before an actor's item of the same rank.
      ...entries(byTheme, (section) => section.seeHighlights.length > 0).map((entry) => ({
        ...entry,
        rank: entry.rank + 1,
      })),
    ].sort((a, b) => b.rank - a.rank || input.salience(a.item) - input.salience(b.item));
    for (const { item, section, pointsBack } of removable) {
      if (length <= budget) break;
      section.items.splice(section.items.indexOf(item), 1);
      length -= itemLines(item);
      if (section.items.length === 0 && !pointsBack) length -= HEADING_LINES;
      cutItems++;
    }
  }
  const emptyActor = (section: ActorSection) =>
    section.items.length === 0 && section.seeHighlights.length === 0;
  const cutActors = byActor.filter(emptyActor).map(({ id, name }) => ({ id, name }));
  byActor = byActor.filter((section) => !emptyActor(section));
  length = total();
  while (length > budget && byActor.length > minActorSections) {
    const last = byActor[byActor.length - 1] as ActorSection;
    if (last.items.length > 0) break;
    byActor.pop();
    cutActors.push({ id: last.id, name: last.name });
    length = total();
  }
  for (const section of byActor) {
    section.items.sort(
      (a, b) =>
        (input.themeOrder.get(a.theme ?? '') ?? 999) -
          (input.themeOrder.get(b.theme ?? '') ?? 999) || input.salience(b) - input.salience(a),
    );
  }
  byTheme = withActorReferences(byTheme, byActor);
  const omitted =
    cutItems > 0 || cutActors.length > 0
      ? { pages: input.pages, items: cutItems, actors: cutActors }
      : null;
  return { byActor, byTheme, omitted };
}
