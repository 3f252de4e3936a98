import type { ActorId, BriefModel, ThemeId } from '../../model/types';

/** An actor as the renderers print it: its display name and whether it has its own section. */
export interface ActorRef {
  id: ActorId;
  name: string;
  /** True when "By actor" holds a section for it, so a renderer may link there. */
  hasSection: boolean;
}

/** A theme as the renderers print it; `id` is null for the group of items with no lead theme. */
export interface ThemeRef {
  id: ThemeId | null;
  name: string;
  /** True when "By theme" holds a section for it. */
  hasSection: boolean;
}

/** The label of the items that have no lead theme, in every rendering. */
export const NO_THEME_LABEL = 'Other';

/** The name to print: the given one trimmed, or the id when the name is blank. */
export function displayName(name: string | null | undefined, id: string): string {
  return name?.trim() || id;
}

/** "human-rights" → "Human rights": a readable fallback for a theme missing from the taxonomy. */
export function humanise(slug: string): string {
  const words = slug.replace(/[-_]+/g, ' ').trim();
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : slug;
}

/** Turns actor and theme ids into what the renderers print, from the names the model carries. */
export interface NameBook {
  actor(id: ActorId): ActorRef;
  theme(id: ThemeId | null): ThemeRef;
}

/**
 * Collects every name the model gives an actor or a theme. An actor section's name wins over a
 * "see" pointer's, which wins over the heat map's, which wins over "Also in today's reports"
 * and "In other languages"; a theme section's name wins over the heat
 * map's. An actor without a name shows its id, a theme its slug made readable.
 */
export function nameBook(model: BriefModel): NameBook {
  const actorNames = new Map<string, string>();
  const themeNames = new Map<string, string>();
  for (const entry of [...(model.otherLanguages ?? []), ...(model.alsoMentioned ?? [])])
    for (const actor of entry.actors) actorNames.set(actor.id, actor.name);
  for (const actor of model.heatmap.actors) actorNames.set(actor.id, actor.name);
  for (const theme of model.byTheme) {
    themeNames.set(theme.id, theme.name);
    for (const actor of theme.seeActors) actorNames.set(actor.id, actor.name);
  }
  for (const actor of model.byActor) actorNames.set(actor.id, actor.name);
  for (const theme of model.heatmap.themes) {
    if (!themeNames.has(theme.id)) themeNames.set(theme.id, theme.name);
  }
  const actorSections = new Set(model.byActor.map((actor) => actor.id));
  const themeSections = new Set(model.byTheme.map((theme) => theme.id));
  return {
    actor: (id) => ({
      id,
      name: displayName(actorNames.get(id), id),
      hasSection: actorSections.has(id),
    }),
    theme: (id) =>
      id === null
        ? { id, name: NO_THEME_LABEL, hasSection: false }
        : {
            id,
            name: displayName(themeNames.get(id), humanise(id)),
            hasSection: themeSections.has(id),
          },
  };
}
