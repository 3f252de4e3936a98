import type {
  ActorId,
  ActorSection,
  AlsoMentioned,
  BriefItem,
  Highlight,
  ThemeSection,
} from '../model/types';
import type { ReferenceData } from '../reference/reference-data';

/**
 * Actor sections exist only for actors with at least one item of their own. Every other actor
 * that a printed item names (in Key developments, in another actor's section, in a theme
 * section) is listed with the others named in the same places, alphabetically, on one line:
 * "Also in today's reports: Kazakhstan, Kyrgyzstan, Tajikistan → Key development 3". Returns
 * the sections that keep items and those lines, in the order of their first place.
 */
export function splitAlsoMentioned(
  byActor: ActorSection[],
  byTheme: ThemeSection[],
  highlights: Highlight[],
  reference: ReferenceData,
): { byActor: ActorSection[]; alsoMentioned: AlsoMentioned[] } {
  const kept = byActor.filter((section) => section.items.length > 0);
  const hasSection = new Set(kept.map((section) => section.id));
  const nameOf = (id: ActorId) =>
    byActor.find((section) => section.id === id)?.name ?? reference.actors.get(id)?.name ?? id;

  interface Places {
    highlights: Set<number>;
    actors: Set<number>;
    themes: Set<number>;
  }
  const places = new Map<ActorId, Places>();
  const note = (items: BriefItem[], place: (p: Places) => void) => {
    for (const item of items)
      for (const actor of item.actors) {
        if (hasSection.has(actor) || !reference.actors.has(actor)) continue;
        const entry = places.get(actor) ?? {
          highlights: new Set<number>(),
          actors: new Set<number>(),
          themes: new Set<number>(),
        };
        places.set(actor, entry);
        place(entry);
      }
  };
  for (const highlight of highlights) note([highlight], (p) => p.highlights.add(highlight.number));
  kept.forEach((section, index) => {
    note(section.items, (p) => p.actors.add(index));
  });
  byTheme.forEach((section, index) => {
    note(section.items, (p) => p.themes.add(index));
  });

  const groups = new Map<string, { places: Places; actors: ActorId[] }>();
  for (const [actor, where] of places) {
    const signature = [where.highlights, where.actors, where.themes]
      .map((set) => [...set].sort((a, b) => a - b).join(','))
      .join('|');
    const group = groups.get(signature) ?? { places: where, actors: [] };
    group.actors.push(actor);
    groups.set(signature, group);
  }
  const first = (set: Set<number>) => (set.size ? Math.min(...set) : Number.POSITIVE_INFINITY);
  const order = (p: Places) => [first(p.highlights), first(p.actors), first(p.themes)];
  const alsoMentioned = [...groups.values()]
    .sort((a, b) => {
      const [x, y] = [order(a.places), order(b.places)];
      for (let i = 0; i < x.length; i++)
        if (x[i] !== y[i]) return (x[i] as number) - (y[i] as number);
      return 0;
    })
    .map(({ places: where, actors }) => ({
      actors: actors
        .map((id) => ({ id, name: nameOf(id) }))
        .sort((a, b) => a.name.localeCompare(b.name, 'en')),
      seeHighlights: [...where.highlights].sort((a, b) => a - b),
      seeActors: [...where.actors]
        .sort((a, b) => a - b)
        .map((index) => kept[index] as ActorSection)
        .map(({ id, name }) => ({ id, name })),
      seeThemes: [...where.themes]
        .sort((a, b) => a - b)
        .map((index) => byTheme[index] as ThemeSection)
        .map(({ id, name }) => ({ id, name })),
    }));
  return { byActor: kept, alsoMentioned };
}
