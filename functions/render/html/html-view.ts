import type {
  ActorId,
  ActorKind,
  BriefArticle,
  BriefItem,
  BriefModel,
  Highlight,
  ThemeId,
} from '../../model/types';
import { omittedNote } from '../view/omitted-note';
import { buildHeatmap, type HeatmapView } from './html-heatmap';

/** A piece of text that links within the page when `href` is set. */
export interface LinkView {
  label: string;
  href: string | null;
}

export interface ItemView {
  text: string;
  /** Article ids, for the `citations` helper. */
  sources: string[];
  actors: LinkView[];
}

export interface ActorSectionView {
  id: ActorId;
  anchor: string;
  name: string;
  kind: ActorKind;
  /** "armed group", "organisation"; null for states, which need no label. */
  kindLabel: string | null;
  articleCount: number;
  groups: { theme: LinkView; items: ItemView[] }[];
  seeHighlights: LinkView[];
}

export interface ThemeSectionView {
  id: ThemeId;
  anchor: string;
  name: string;
  actors: LinkView[];
  items: ItemView[];
  seeHighlights: LinkView[];
  seeActors: LinkView[];
}

export interface HighlightView extends Highlight {
  anchor: string;
  /** The headline ending in a full stop (unless it already ends in one, "?" or "!"). */
  headlineText: string;
}

export interface SourceView extends BriefArticle {
  anchor: string;
}

/**
 * What the templates draw: the raw model (for custom templates) plus everything that would be
 * logic in a template: anchors, names looked up, items grouped, heat map geometry.
 */
export interface HtmlView {
  brief: BriefModel;
  toc: LinkView[];
  highlights: HighlightView[];
  actors: ActorSectionView[];
  themes: ThemeSectionView[];
  heatmap: HeatmapView | null;
  sources: SourceView[];
  rejected: BriefModel['rejected'];
  /** What the length budget left out, as a sentence; null when nothing was cut. */
  omittedNote: string | null;
  /** CSS `@page` size for printing: the model's paper. */
  pageSize: 'A4' | 'letter';
}

/** An id usable in `id=""` and `#fragment` whatever a user-defined theme slug contains. */
export function anchorId(prefix: string, id: string): string {
  return `${prefix}-${id.replace(/[^A-Za-z0-9_-]+/g, '-')}`;
}

const KIND_LABELS: Record<ActorKind, string | null> = {
  state: null,
  organisation: 'organisation',
  'armed-group': 'armed group',
};

/** "human-rights" → "Human rights": a readable fallback for a theme missing from the taxonomy. */
function humanise(slug: string): string {
  const words = slug.replace(/[-_]+/g, ' ').trim();
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : slug;
}

function buildNames(model: BriefModel) {
  const actorNames = new Map<string, string>();
  const themeNames = new Map<string, string>();
  for (const actor of model.heatmap.actors) actorNames.set(actor.id, actor.name);
  for (const theme of model.byTheme) {
    themeNames.set(theme.id, theme.name);
    for (const actor of theme.seeActors) actorNames.set(actor.id, actor.name);
  }
  for (const actor of model.byActor) actorNames.set(actor.id, actor.name);
  for (const theme of model.heatmap.themes) {
    if (!themeNames.has(theme.id)) themeNames.set(theme.id, theme.name);
  }
  return { actorNames, themeNames };
}

/** Builds the view model the HTML templates render; pure, so it can be tested without templates. */
export function buildHtmlView(model: BriefModel): HtmlView {
  const { actorNames, themeNames } = buildNames(model);
  const actorSections = new Set(model.byActor.map((actor) => actor.id));
  const themeSections = new Set(model.byTheme.map((theme) => theme.id));

  const actorLink = (id: ActorId): LinkView => ({
    label: actorNames.get(id) ?? id,
    href: actorSections.has(id) ? `#${anchorId('actor', id)}` : null,
  });
  const themeLink = (id: ThemeId | null): LinkView =>
    id === null
      ? { label: 'Other', href: null }
      : {
          label: themeNames.get(id) ?? humanise(id),
          href: themeSections.has(id) ? `#${anchorId('theme', id)}` : null,
        };
  const highlightLinks = (numbers: number[]): LinkView[] =>
    numbers.map((n) => ({ label: String(n), href: `#kd-${n}` }));
  const itemView = (item: BriefItem): ItemView => ({
    text: item.text,
    sources: item.sources,
    actors: item.actors.map(actorLink),
  });

  const actors = model.byActor.map((section): ActorSectionView => {
    const groups = new Map<string, { theme: LinkView; items: ItemView[] }>();
    for (const item of section.items) {
      const key = item.theme ?? '';
      const group = groups.get(key) ?? { theme: themeLink(item.theme), items: [] };
      group.items.push(itemView(item));
      groups.set(key, group);
    }
    return {
      id: section.id,
      anchor: anchorId('actor', section.id),
      name: section.name,
      kind: section.kind,
      kindLabel: KIND_LABELS[section.kind] ?? null,
      articleCount: section.articleCount,
      groups: [...groups.values()],
      seeHighlights: highlightLinks(section.seeHighlights),
    };
  });

  const themes = model.byTheme.map(
    (section): ThemeSectionView => ({
      id: section.id,
      anchor: anchorId('theme', section.id),
      name: section.name,
      actors: section.actors.map(actorLink),
      items: section.items.map(itemView),
      seeHighlights: highlightLinks(section.seeHighlights),
      seeActors: section.seeActors.map((actor) => ({
        label: actor.name,
        href: `#${anchorId('actor', actor.id)}`,
      })),
    }),
  );

  const toc: LinkView[] = [
    { label: 'Key developments', href: '#key-developments' },
    { label: 'By actor', href: '#by-actor' },
    { label: 'By theme', href: '#by-theme' },
    { label: 'Actors × themes', href: '#actors-themes' },
    { label: 'Sources', href: '#sources' },
  ];
  if (model.rejected.length > 0) toc.push({ label: 'Not included', href: '#not-included' });

  return {
    brief: model,
    toc,
    highlights: model.highlights.map((h) => ({
      ...h,
      anchor: `kd-${h.number}`,
      headlineText: /[.!?…]$/.test(h.headline.trim()) ? h.headline.trim() : `${h.headline.trim()}.`,
    })),
    actors,
    themes,
    heatmap: buildHeatmap(model.heatmap),
    sources: [...model.articles]
      .sort((a, b) => a.ref - b.ref)
      .map((article) => ({ ...article, anchor: `src-${article.ref}` })),
    omittedNote: omittedNote(model),
    pageSize: model.paper === 'letter' ? 'letter' : 'A4',
    rejected: model.rejected.map(({ key, reason }) => ({
      key,
      // Reasons are written to stand alone ("<key>: …"); under the key the prefix is noise.
      reason: reason.startsWith(`${key}: `) ? reason.slice(key.length + 2) : reason,
    })),
  };
}
