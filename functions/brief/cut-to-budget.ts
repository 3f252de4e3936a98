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
  const lengthOf = briefLength(input);
  const byActor = input.byActor.map((section) => ({ ...section, items: [...section.items] }));
  const byTheme = input.byTheme.map((section) => ({ ...section, items: [...section.items] }));
  const cutItems = cutLowestItems(byActor, byTheme, lengthOf(byActor, byTheme), budget, input);
  const { kept, cut: cutActors } = cutActorSections(byActor, byTheme, lengthOf, budget);
  for (const section of kept) section.items.sort(byThemeThenSalience(input));
  const omitted =
    cutItems > 0 || cutActors.length > 0
      ? { pages: input.pages, items: cutItems, actors: cutActors }
      : null;
  return { byActor: kept, byTheme: withActorReferences(byTheme, kept), omitted };
}

type LengthOf = (byActor: ActorSection[], byTheme: ThemeSection[]) => number;

/** The estimated printed length, in lines, of the brief with the given sections. */
function briefLength(input: BudgetInput): LengthOf {
  const fixed =
    8 +
    SECTION_LINES * 3 +
    input.highlights.reduce((sum, item) => sum + itemLines(item, item.headline.length), 0) +
    heatmapLines(Math.min(12, input.byActor.length), input.byTheme.length) +
    sourcesLines(input.articles) +
    (input.rejected ? SECTION_LINES + input.rejected * 1.5 : 0);
  return (byActor, byTheme) =>
    fixed +
    byActor.reduce((sum, section) => sum + actorSectionLines(section), 0) +
    byTheme.reduce((sum, section) => sum + themeSectionLines(section), 0);
}

function sectionLines(items: BriefItem[], references: number): number {
  return HEADING_LINES + items.reduce((sum, item) => sum + itemLines(item), 0) + references;
}

/** One theme label per theme group inside an actor section. */
function actorSectionLines(section: ActorSection): number {
  return sectionLines(
    section.items,
    (section.seeHighlights.length ? REFERENCE_LINES : 0) +
      new Set(section.items.map((item) => item.theme)).size * REFERENCE_LINES,
  );
}

function themeSectionLines(section: ThemeSection): number {
  return sectionLines(section.items, 2 * REFERENCE_LINES);
}

/**
 * Removes items, breadth first (every section's last items go before any section's first one;
 * a theme's item before an actor's item of the same rank; the least salient first), until the
 * length fits. Returns how many were cut.
 */
function cutLowestItems(
  byActor: ActorSection[],
  byTheme: ThemeSection[],
  startLength: number,
  budget: number,
  { salience }: Pick<BudgetInput, 'salience'>,
): number {
  if (startLength <= budget) return 0;
  let length = startLength;
  let cut = 0;
  const removable = [
    ...itemsByRank(byActor),
    ...itemsByRank(byTheme).map((entry) => ({ ...entry, rank: entry.rank + 1 })),
  ].sort((a, b) => b.rank - a.rank || salience(a.item) - salience(b.item));
  for (const { item, section, pointsBack } of removable) {
    if (length <= budget) break;
    section.items.splice(section.items.indexOf(item), 1);
    length -= itemLines(item);
    if (section.items.length === 0 && !pointsBack) length -= HEADING_LINES;
    cut++;
  }
  return cut;
}

/** Every item of the sections with its rank in its section. */
function itemsByRank<S extends { items: BriefItem[]; seeHighlights: number[] }>(sections: S[]) {
  return sections.flatMap((section) =>
    section.items.map((item, rank) => ({
      item,
      rank,
      section,
      pointsBack: section.seeHighlights.length > 0,
    })),
  );
}

/**
 * Drops the actor sections left with nothing, then, while still too long, the last sections
 * that only point back to key developments (keeping at least `minActorSections`).
 */
function cutActorSections(
  byActor: ActorSection[],
  byTheme: ThemeSection[],
  lengthOf: LengthOf,
  budget: number,
): { kept: ActorSection[]; cut: { id: string; name: string }[] } {
  const isEmpty = (section: ActorSection) =>
    section.items.length === 0 && section.seeHighlights.length === 0;
  const cut = byActor.filter(isEmpty).map(({ id, name }) => ({ id, name }));
  const kept = byActor.filter((section) => !isEmpty(section));
  let length = lengthOf(kept, byTheme);
  while (length > budget && kept.length > minActorSections) {
    const last = kept[kept.length - 1] as ActorSection;
    if (last.items.length > 0) break;
    kept.pop();
    cut.push({ id: last.id, name: last.name });
    length = lengthOf(kept, byTheme);
  }
  return { kept, cut };
}

/** An actor section's items grouped by theme (in theme order), best first within a theme. */
function byThemeThenSalience(input: BudgetInput): (a: BriefItem, b: BriefItem) => number {
  const themeRank = (item: BriefItem) => input.themeOrder.get(item.theme ?? '') ?? 999;
  return (a, b) => themeRank(a) - themeRank(b) || input.salience(b) - input.salience(a);
}
