import type { BriefItem, BriefModel, Highlight } from '../model/types';
import type { DistributionList } from './delivery-config';

type Selection = Pick<DistributionList, 'actors' | 'themes' | 'mode' | 'label'>;

/**
 * The brief a distribution list receives. `full` is the model itself. `only` keeps the items
 * that concern one of the list's actors or themes (and the sections, sources and heat-map rows
 * they need); `first` keeps everything but puts those items and the list's actor sections
 * first. Key developments are renumbered and every "→ Key developments n" follows, source refs
 * are renumbered when sources drop out. The result renders with the ordinary renderers.
 */
export function filterBrief(model: BriefModel, selection: Selection): BriefModel {
  if (selection.mode === 'full') return model;
  const actors = new Set(selection.actors);
  const themes = new Set(selection.themes);
  const concerns = (item: BriefItem) =>
    item.actors.some((a) => actors.has(a)) || item.themes.some((t) => themes.has(t));
  const title = selection.label ? `${model.title} — ${selection.label}` : model.title;
  return selection.mode === 'only'
    ? onlyTheirs(model, concerns, actors, title)
    : theirsFirst(model, concerns, actors, title);
}

function onlyTheirs(
  model: BriefModel,
  concerns: (item: BriefItem) => boolean,
  actors: Set<string>,
  title: string,
): BriefModel {
  const renumber = renumbering(model.highlights.filter(concerns));
  const highlights = renumber.highlights;
  const byActor = model.byActor
    .map((section) => ({
      ...section,
      items: section.items.filter(concerns),
      seeHighlights: renumber.numbers(section.seeHighlights),
    }))
    .filter(
      (section) =>
        section.items.length > 0 || (actors.has(section.id) && section.seeHighlights.length > 0),
    );
  // "→ see Russia" stays only where Russia's section still holds an item of the theme.
  const holds = (actor: string, theme: string) =>
    byActor.some((s) => s.id === actor && s.items.some((item) => item.themes.includes(theme)));
  const byTheme = model.byTheme
    .map((section) => ({
      ...section,
      items: section.items.filter(concerns),
      seeHighlights: renumber.numbers(section.seeHighlights),
      seeActors: section.seeActors.filter((a) => holds(a.id, section.id)),
    }))
    .filter(
      (section) =>
        section.items.length > 0 || section.seeHighlights.length > 0 || section.seeActors.length,
    );
  const items = [
    ...highlights,
    ...byActor.flatMap((s) => s.items),
    ...byTheme.flatMap((s) => s.items),
  ];
  // Reports in other languages about the list's actors stay listed (and in Sources).
  const otherLanguages = model.otherLanguages?.filter((entry) =>
    entry.actors.some((actor) => actors.has(actor.id)),
  );
  const cited = new Set([
    ...items.flatMap((item) => item.sources),
    ...(otherLanguages ?? []).map((entry) => entry.id),
  ]);
  const articles = model.articles
    .filter((article) => cited.has(article.id))
    .map((article, i) => ({ ...article, ref: i + 1 }));
  const shownActors = new Set(byActor.map((s) => s.id));
  const shownThemes = new Set(byTheme.map((s) => s.id));
  const heatActors = model.heatmap.actors.filter((a) => shownActors.has(a.id));
  const heatThemes = model.heatmap.themes.filter((t) => shownThemes.has(t.id));
  return {
    ...model,
    title,
    stats: {
      ...model.stats,
      articles: articles.length,
      sources: new Set(articles.map((a) => a.source ?? a.id)).size,
    },
    articles,
    highlights,
    byActor,
    byTheme,
    heatmap: {
      actors: heatActors,
      themes: heatThemes,
      cells: model.heatmap.cells.filter(
        (c) => shownActors.has(c.actor) && shownThemes.has(c.theme),
      ),
    },
    ...(model.otherLanguages ? { otherLanguages } : {}),
    ...(model.alsoMentioned
      ? {
          alsoMentioned: model.alsoMentioned
            .map((entry) => ({
              ...entry,
              seeHighlights: renumber.numbers(entry.seeHighlights),
              seeActors: entry.seeActors.filter((a) => shownActors.has(a.id)),
              seeThemes: entry.seeThemes.filter((t) => shownThemes.has(t.id)),
            }))
            .filter(
              (entry) =>
                entry.seeHighlights.length + entry.seeActors.length + entry.seeThemes.length > 0,
            ),
        }
      : {}),
  };
}

function theirsFirst(
  model: BriefModel,
  concerns: (item: BriefItem) => boolean,
  actors: Set<string>,
  title: string,
): BriefModel {
  const renumber = renumbering(stablePartition(model.highlights, concerns));
  const theirSection = (id: string) => actors.has(id);
  return {
    ...model,
    title,
    highlights: renumber.highlights,
    byActor: stablePartition(
      model.byActor,
      (s) => theirSection(s.id) || s.items.some(concerns),
    ).map((section) => ({
      ...section,
      items: stablePartition(section.items, concerns),
      seeHighlights: renumber.numbers(section.seeHighlights),
    })),
    byTheme: stablePartition(model.byTheme, (s) => s.items.some(concerns)).map((section) => ({
      ...section,
      items: stablePartition(section.items, concerns),
      seeHighlights: renumber.numbers(section.seeHighlights),
    })),
    ...(model.alsoMentioned
      ? {
          alsoMentioned: stablePartition(model.alsoMentioned, (entry) =>
            entry.actors.some((actor) => actors.has(actor.id)),
          ).map((entry) => ({ ...entry, seeHighlights: renumber.numbers(entry.seeHighlights) })),
        }
      : {}),
  };
}

/** Highlights numbered 1..n in their new order, and the map from old numbers to new ones. */
function renumbering(kept: Highlight[]) {
  const map = new Map(kept.map((h, i) => [h.number, i + 1]));
  return {
    highlights: kept.map((h, i) => ({ ...h, number: i + 1 })),
    numbers: (old: number[]) =>
      old
        .map((n) => map.get(n))
        .filter((n): n is number => n !== undefined)
        .sort((a, b) => a - b),
  };
}

function stablePartition<T>(values: T[], first: (value: T) => boolean): T[] {
  return [...values.filter(first), ...values.filter((v) => !first(v))];
}
