import type { ActorKind, BriefModel } from '../../model/types';
import type { BriefView, HighlightView, ItemView } from '../view/brief-view';
import type { ActorRef, ThemeRef } from '../view/names';
import type { SourceView } from '../view/sources';
import { type HeatmapSvg, heatmapSvg } from './html-heatmap';

/** A piece of text that links within the page when `href` is set. */
export interface LinkView {
  label: string;
  href: string | null;
}

export interface ItemHtml {
  text: string;
  /** "Imran Khan:" before the text when the quote names its speaker only by a pronoun. */
  attribution: string | null;
  /** Article ids, for the `citations` helper. */
  sources: string[];
  actors: LinkView[];
}

export interface ActorSectionHtml {
  id: string;
  anchor: string;
  name: string;
  kind: ActorKind;
  kindLabel: string | null;
  articleCount: number;
  groups: { theme: LinkView; items: ItemHtml[] }[];
  seeHighlights: LinkView[];
}

export interface ThemeSectionHtml {
  id: string;
  anchor: string;
  name: string;
  actors: LinkView[];
  items: ItemHtml[];
  seeHighlights: LinkView[];
  seeActors: LinkView[];
}

export interface HighlightHtml extends HighlightView {
  anchor: string;
}

export interface SourceHtml extends SourceView {
  anchor: string;
}

/** An "In other languages" entry: the title keeps its own language (`lang`). */
export interface OtherLanguageHtml {
  title: string;
  language: string;
  /** For `lang=""` on the title; '' when the code is not one. */
  languageCode: string;
  outlet: string | null;
  actors: LinkView[];
  /** The article id, for the `citations` helper. */
  sources: string[];
}

/** An "Also in today's reports" line: the actors, then links to where they appear. */
export interface AlsoMentionedHtml {
  actors: LinkView[];
  /** "Key development" or "Key developments"; '' when no key development names them. */
  highlightsLabel: string;
  seeHighlights: LinkView[];
  /** Actor and theme sections that name them. */
  seeSections: LinkView[];
}

/** What the templates take from the brief view as it is. */
type MastheadField =
  | 'title'
  | 'date'
  | 'generatedDate'
  | 'generatedTime'
  | 'handling'
  | 'stats'
  | 'rejected'
  | 'notIncluded'
  | 'omittedNote'
  | 'continuing';

/**
 * What the templates draw: the brief view with page anchors and links added and the heat map
 * laid out as SVG, plus the raw model (`brief`) for custom templates.
 */
export interface HtmlView extends Pick<BriefView, MastheadField> {
  brief: BriefModel;
  toc: LinkView[];
  highlights: HighlightHtml[];
  actors: ActorSectionHtml[];
  themes: ThemeSectionHtml[];
  heatmap: HeatmapSvg | null;
  sources: SourceHtml[];
  otherLanguages: OtherLanguageHtml[];
  alsoMentioned: AlsoMentionedHtml[];
  /** CSS `@page` size for printing: the model's paper. */
  pageSize: 'A4' | 'letter';
}

/** An id usable in `id=""` and `#fragment` whatever a user-defined theme slug contains. */
export function anchorId(prefix: string, id: string): string {
  return `${prefix}-${id.replace(/[^A-Za-z0-9_-]+/g, '-')}`;
}

const actorLink = (actor: ActorRef): LinkView => ({
  label: actor.name,
  href: actor.hasSection ? `#${anchorId('actor', actor.id)}` : null,
});

const themeLink = (theme: ThemeRef): LinkView => ({
  label: theme.name,
  href: theme.id !== null && theme.hasSection ? `#${anchorId('theme', theme.id)}` : null,
});

const highlightLinks = (numbers: number[]): LinkView[] =>
  numbers.map((n) => ({ label: String(n), href: `#kd-${n}` }));

const itemHtml = (item: ItemView): ItemHtml => ({
  text: item.text,
  attribution: item.attribution,
  sources: item.sources,
  actors: item.actors.map(actorLink),
});

function actorSections(view: BriefView): ActorSectionHtml[] {
  return view.actors.map((section) => ({
    id: section.id,
    anchor: anchorId('actor', section.id),
    name: section.name,
    kind: section.kind,
    kindLabel: section.kindLabel,
    articleCount: section.articleCount,
    groups: section.groups.map((group) => ({
      theme: themeLink(group.theme),
      items: group.items.map(itemHtml),
    })),
    seeHighlights: highlightLinks(section.seeHighlights),
  }));
}

function themeSections(view: BriefView): ThemeSectionHtml[] {
  return view.themes.map((section) => ({
    id: section.id,
    anchor: anchorId('theme', section.id),
    name: section.name,
    actors: section.actors.map(actorLink),
    items: section.items.map(itemHtml),
    seeHighlights: highlightLinks(section.seeHighlights),
    seeActors: section.seeActors.map(actorLink),
  }));
}

function tableOfContents(view: BriefView): LinkView[] {
  const toc: LinkView[] = [
    { label: 'Key developments', href: '#key-developments' },
    { label: 'By actor', href: '#by-actor' },
    { label: 'By theme', href: '#by-theme' },
    { label: 'Actors × themes', href: '#actors-themes' },
    { label: 'Sources', href: '#sources' },
  ];
  if (view.otherLanguages.length > 0)
    toc.splice(4, 0, { label: 'In other languages', href: '#other-languages' });
  if (view.notIncluded.length > 0) toc.push({ label: 'Not included', href: '#not-included' });
  return toc;
}

function otherLanguages(view: BriefView): OtherLanguageHtml[] {
  return view.otherLanguages.map((entry) => ({
    title: entry.title,
    language: entry.language,
    languageCode: entry.languageCode,
    outlet: entry.outlet,
    actors: entry.actors.map(actorLink),
    sources: [entry.id],
  }));
}

function alsoMentioned(view: BriefView): AlsoMentionedHtml[] {
  return view.alsoMentioned.map((entry) => ({
    actors: entry.actors.map(actorLink),
    highlightsLabel: entry.seeHighlights.length
      ? `Key development${entry.seeHighlights.length === 1 ? '' : 's'}`
      : '',
    seeHighlights: highlightLinks(entry.seeHighlights),
    seeSections: [...entry.seeActors.map(actorLink), ...entry.seeThemes.map(themeLink)],
  }));
}

/** Lays the brief view out for the HTML templates; pure, so it can be tested without them. */
export function buildHtmlView(view: BriefView): HtmlView {
  const {
    title,
    date,
    generatedDate,
    generatedTime,
    handling,
    stats,
    rejected,
    notIncluded,
    omittedNote,
    continuing,
  } = view;
  return {
    brief: view.model,
    title,
    date,
    generatedDate,
    generatedTime,
    handling,
    stats,
    rejected,
    notIncluded,
    omittedNote,
    continuing,
    toc: tableOfContents(view),
    highlights: view.highlights.map((h) => ({ ...h, anchor: `kd-${h.number}` })),
    actors: actorSections(view),
    themes: themeSections(view),
    heatmap: view.heatmap && heatmapSvg(view.heatmap),
    sources: view.sources.map((source) => ({ ...source, anchor: `src-${source.ref}` })),
    otherLanguages: otherLanguages(view),
    alsoMentioned: alsoMentioned(view),
    pageSize: view.paper === 'letter' ? 'letter' : 'A4',
  };
}
