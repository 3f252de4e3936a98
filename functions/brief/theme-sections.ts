import type { ActorSection, Highlight, ThemeId, ThemeSection } from '../model/types';
import type { ReferenceData } from '../reference/reference-data';
import type { BriefOptions } from './brief-options';
import { type Candidate, toItem } from './candidate-items';

/** A theme heading lists its most salient actors, not every actor ever mentioned with it. */
const maxThemeActors = 8;

/**
 * "By theme": each theme with the best items not printed yet whose lead theme it is, tagged
 * with their actors, and short references to Key developments and the actor sections that
 * hold items of the theme. `ranked` is best first.
 */
export function buildThemeSections(
  ranked: Candidate[],
  highlights: Highlight[],
  byActor: ActorSection[],
  printed: Set<string>,
  input: { reference: ReferenceData; options: BriefOptions },
): ThemeSection[] {
  const weight = new Map<ThemeId, number>();
  const actorsOf = new Map<ThemeId, Set<string>>();
  const itemsOf = new Map<ThemeId, Candidate[]>();
  for (const candidate of ranked) {
    for (const theme of candidate.themes) {
      weight.set(theme, (weight.get(theme) ?? 0) + candidate.score);
      const actors = actorsOf.get(theme) ?? new Set();
      for (const actor of candidate.actors) actors.add(actor);
      actorsOf.set(theme, actors);
    }
    const lead = candidate.themes[0];
    // An item is printed under its lead theme only; its other themes point to it.
    if (lead === undefined || printed.has(candidate.id)) continue;
    const items = itemsOf.get(lead) ?? [];
    if (items.length < input.options.maxItemsPerTheme) items.push(candidate);
    itemsOf.set(lead, items);
  }
  const actorRank = new Map(byActor.map((section, index) => [section.id, index]));
  const sections: ThemeSection[] = [];
  const themes = input.reference.themes
    .filter((theme) => weight.has(theme.id))
    .sort((a, b) => (weight.get(b.id) ?? 0) - (weight.get(a.id) ?? 0));
  for (const theme of themes) {
    const items = (itemsOf.get(theme.id) ?? []).map(toItem);
    for (const item of items) printed.add(item.id);
    const seeHighlights = highlights
      .filter((h) => h.themes.includes(theme.id))
      .map((h) => h.number);
    const actors = [...(actorsOf.get(theme.id) ?? [])]
      .sort((a, b) => (actorRank.get(a) ?? 999) - (actorRank.get(b) ?? 999))
      .slice(0, maxThemeActors);
    sections.push({ id: theme.id, name: theme.label, actors, items, seeHighlights, seeActors: [] });
  }
  return withActorReferences(sections, byActor);
}

/** Points each theme at the actor sections holding its items; drops themes left with nothing. */
export function withActorReferences(
  sections: ThemeSection[],
  byActor: ActorSection[],
): ThemeSection[] {
  return sections
    .map((section) => ({
      ...section,
      seeActors: byActor
        .filter((actor) => actor.items.some((item) => item.themes.includes(section.id)))
        .map(({ id, name }) => ({ id, name })),
    }))
    .filter(
      (section) =>
        section.items.length > 0 ||
        section.seeActors.length > 0 ||
        section.seeHighlights.length > 0,
    );
}
