import type {
  ActorId,
  ActorKind,
  BriefItem,
  BriefModel,
  Highlight,
  ThemeId,
} from '../../model/types';
import { type CiteOf, citationIndex } from './citations';
import { formatIsoDate, formatUtcTime } from './format-date';
import { type HeatmapView, heatmapView } from './heatmap-view';
import {
  type AlsoMentionedView,
  alsoMentionedView,
  type NotIncludedView,
  notIncludedView,
  type OtherLanguageView,
  otherLanguagesView,
} from './more-sections';
import { type ActorRef, displayName, type NameBook, nameBook, type ThemeRef } from './names';
import { omittedNote } from './omitted-note';
import { plural } from './plural';
import { rejectedView } from './reasons';
import { type SourceView, sourcesView } from './sources';
import { groupByTheme, type ThemeGroup } from './theme-groups';

/** A brief item as every rendering prints it. */
export interface ItemView {
  id: string;
  /** The quoted sentence, trimmed. */
  text: string;
  /**
   * Who speaks, when the sentence names them only by a pronoun ("…,” he stressed") and the
   * article named them just before: "Imran Khan:", printed before `text`, outside the quote
   * (no word is added inside it); null otherwise.
   */
  attribution: string | null;
  /** Article ids the item is taken from (for templates that resolve them themselves). */
  sources: string[];
  /** Citation numbers of `sources`, ascending, each once. */
  refs: number[];
  /** True when a source names no article of the brief. */
  missingSource: boolean;
  actors: ActorRef[];
  /** The lead theme ("Other" when the item has none). */
  theme: ThemeRef;
}

export interface HighlightView extends ItemView {
  /** 1-based position in Key developments. */
  number: number;
  /** The headline, trimmed. */
  headline: string;
  /** The headline ending in a full stop (unless it already ends in one, "?" or "!"); '' if none. */
  headlineText: string;
  /** Other articles telling the same story ("same story: [4]"), as ids and as numbers. */
  alsoIn: string[];
  alsoRefs: number[];
  /** Day over day: `new` or `developing`; null when the brief was not compared with another. */
  status: 'new' | 'developing' | null;
  /** The marker shown before the headline: "NEW", "DEVELOPING: 2 new reports (Reuters, AP)". */
  statusText: string | null;
}

/** A story of the previous brief with nothing new today: listed, not repeated as news. */
export interface ContinuingView {
  headline: string;
  /** The previous edition's day in words. */
  since: string;
}

export interface ActorSectionView {
  id: ActorId;
  name: string;
  kind: ActorKind;
  /** "armed group", "organisation"; null for states, which need no label. */
  kindLabel: string | null;
  articleCount: number;
  /** The items printed in full here, grouped under their lead theme. */
  groups: ThemeGroup<ItemView>[];
  /** Key-development numbers that also concern this actor. */
  seeHighlights: number[];
}

export interface ThemeSectionView {
  id: ThemeId;
  name: string;
  /** Actors of the theme's items, most salient first. */
  actors: ActorRef[];
  items: ItemView[];
  seeHighlights: number[];
  /** The actor sections that hold items of this theme. */
  seeActors: ActorRef[];
}

/**
 * The brief as the HTML, the PDF and the e-mail's text show it, built once from the model:
 * names looked up, items grouped, citation numbers resolved, heat map shaded, reasons trimmed,
 * dates written out. The renderers only lay it out.
 */
export interface BriefView {
  /** The model itself, for what a renderer passes on untouched (custom templates, metadata). */
  model: BriefModel;
  /** The brief's title; "Daily Brief" when the model has none. */
  title: string;
  /** The edition's day in words ("22 November 2026"), or the edition as given if not a date. */
  date: string;
  /** The day and UTC time ("06:00") the brief was generated; the raw value when not a date. */
  generatedDate: string;
  generatedTime: string;
  handling: string | null;
  stats: BriefModel['stats'];
  /** What the length budget left out, as a sentence; null when nothing was cut. */
  omittedNote: string | null;
  paper: 'a4' | 'letter';
  highlights: HighlightView[];
  /** Stories of the previous brief with nothing new, which take no key development. */
  continuing: ContinuingView[];
  actors: ActorSectionView[];
  themes: ThemeSectionView[];
  heatmap: HeatmapView | null;
  sources: SourceView[];
  rejected: BriefModel['rejected'];
  /** Articles in other languages: listed (title, language, source, actors), never quoted. */
  otherLanguages: OtherLanguageView[];
  /** Rejected uploads and off-topic articles with their reasons, by key. */
  notIncluded: NotIncludedView[];
  /** Actors without a section of their own, one line per set of places that name them. */
  alsoMentioned: AlsoMentionedView[];
  /** Citation numbers of any list of article ids, the same look-up the items were built with. */
  citeOf: CiteOf;
}

const KIND_LABELS: Record<ActorKind, string | null> = {
  state: null,
  organisation: 'organisation',
  'armed-group': 'armed group',
};

/** What turns a model item into its view: names and citation numbers of this brief. */
interface ItemContext {
  names: NameBook;
  citeOf: CiteOf;
}

function itemView(item: BriefItem, { names, citeOf }: ItemContext): ItemView {
  const { refs, missing } = citeOf(item.sources);
  return {
    id: item.id,
    text: item.text.trim(),
    attribution: attributionOf(item.speaker),
    sources: item.sources,
    refs,
    missingSource: missing,
    actors: item.actors.map(names.actor),
    theme: names.theme(item.theme),
  };
}

/** "the foreign ministry" → "The foreign ministry:"; null for no speaker. */
function attributionOf(speaker: string | undefined): string | null {
  const name = speaker?.replace(/\s+/g, ' ').trim();
  if (!name) return null;
  return `${name.charAt(0).toUpperCase()}${name.slice(1)}:`;
}

function highlightView(highlight: Highlight, context: ItemContext, shown: boolean): HighlightView {
  const headline = shown ? highlight.headline.trim() : '';
  const alsoIn = highlight.alsoIn ?? [];
  return {
    ...itemView(highlight, context),
    number: highlight.number,
    headline,
    headlineText: headline === '' || /[.!?…]$/.test(headline) ? headline : `${headline}.`,
    alsoIn,
    alsoRefs: context.citeOf(alsoIn).refs,
    status: highlight.status ?? null,
    statusText: statusText(highlight),
  };
}

/**
 * Key developments with each headline shown once: not when it only repeats the start of a key
 * development's text (a headline cut from the lead, or a title that is the lead: the lead is
 * printed once, as the text), nor again over a second key development of the same story (nor
 * its day-over-day marker).
 */
function highlightViews(highlights: Highlight[], context: ItemContext): HighlightView[] {
  const seen = new Set<string>();
  return highlights.map((highlight) => {
    const key = highlight.story ?? comparable(highlight.headline);
    const first = !seen.has(key);
    seen.add(key);
    const shown = first && !highlights.some((other) => repeatsText(highlight.headline, other.text));
    const view = highlightView(highlight, context, shown);
    // The day-over-day marker, like the headline, goes with a story's first key development.
    return first ? view : { ...view, status: null, statusText: null };
  });
}

/** "NEW"; "DEVELOPING: 2 new reports (Reuters, AP)"; null without a day-over-day status. */
function statusText(highlight: Highlight): string | null {
  if (highlight.status === 'new') return 'NEW';
  if (highlight.status !== 'developing') return null;
  const reports = highlight.newArticles?.length ?? 0;
  const outlets = highlight.newSources ?? [];
  if (reports === 0) return 'DEVELOPING';
  const names = outlets.length > 0 ? ` (${outlets.join(', ')})` : '';
  return `DEVELOPING: ${plural(reports, 'new report')}${names}`;
}

/** Words of a text for comparing a headline with it: lower case, no punctuation or quotes. */
const comparable = (text: string) => (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).join(' ');

/** Words a headline and its text must share at their start to be one sentence. */
const sameOpening = 8;

/**
 * The headline is the text, or the start of it (cut short, with or without an ellipsis), or
 * holds the text's opening words (a lead with its dateline, of which the text is trimmed).
 */
export function repeatsText(headline: string, text: string): boolean {
  const head = comparable(headline.replace(/(?:\.\.\.|…)\s*$/, ''));
  if (head === '') return false;
  const body = comparable(text);
  if (body.startsWith(head)) return true;
  const opening = body.split(' ').slice(0, sameOpening);
  return opening.length === sameOpening && ` ${head} `.includes(` ${opening.join(' ')} `);
}

function continuingView(model: BriefModel): ContinuingView[] {
  return (model.stories ?? [])
    .filter((story) => story.status === 'continuing')
    .map((story) => ({
      headline: displayName(story.headline, story.previous?.headline ?? ''),
      since: formatIsoDate(story.previous?.edition ?? null) ?? story.previous?.edition ?? '',
    }))
    .filter((story) => story.headline !== '');
}

function actorSectionView(
  section: BriefModel['byActor'][number],
  context: ItemContext,
): ActorSectionView {
  return {
    id: section.id,
    name: displayName(section.name, section.id),
    kind: section.kind,
    kindLabel: KIND_LABELS[section.kind] ?? null,
    articleCount: section.articleCount,
    groups: groupByTheme(section.items, context.names.theme, (item) => itemView(item, context)),
    seeHighlights: section.seeHighlights,
  };
}

function themeSectionView(
  section: BriefModel['byTheme'][number],
  context: ItemContext,
): ThemeSectionView {
  return {
    id: section.id,
    name: displayName(section.name, section.id),
    actors: section.actors.map(context.names.actor),
    items: section.items.map((item) => itemView(item, context)),
    seeHighlights: section.seeHighlights,
    seeActors: section.seeActors.map((actor) => ({
      ...context.names.actor(actor.id),
      name: displayName(actor.name, actor.id),
    })),
  };
}

/** Builds the one view of the brief that every renderer lays out; pure. */
export function buildBriefView(model: BriefModel): BriefView {
  const context: ItemContext = { names: nameBook(model), citeOf: citationIndex(model.articles) };
  return {
    model,
    title: displayName(model.title, 'Daily Brief'),
    date: formatIsoDate(model.edition) ?? model.edition,
    generatedDate: formatIsoDate(model.generatedAt) ?? model.generatedAt,
    generatedTime: formatUtcTime(model.generatedAt) ?? '',
    handling: model.handling,
    stats: model.stats,
    omittedNote: omittedNote(model),
    paper: model.paper === 'letter' ? 'letter' : 'a4',
    highlights: highlightViews(model.highlights, context),
    continuing: continuingView(model),
    actors: model.byActor.map((section) => actorSectionView(section, context)),
    themes: model.byTheme.map((section) => themeSectionView(section, context)),
    heatmap: heatmapView(model.heatmap),
    sources: sourcesView(model.articles),
    rejected: rejectedView(model.rejected),
    otherLanguages: otherLanguagesView(model, context.names, context.citeOf),
    notIncluded: notIncludedView(model),
    alsoMentioned: alsoMentionedView(model, context.names),
    citeOf: context.citeOf,
  };
}
