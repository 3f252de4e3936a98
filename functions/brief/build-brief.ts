import { createHash } from 'node:crypto';
import type {
  ActorId,
  ActorSection,
  ArticleRecord,
  BriefArticle,
  BriefModel,
  Highlight,
  RejectionRecord,
  Story,
} from '../model/types';
import { noNewsValue } from '../reference/news-value';
import type { ReferenceData } from '../reference/reference-data';
import { splitAlsoMentioned } from './also-mentioned';
import type { BriefOptions } from './brief-options';
import { type Candidate, collectCandidates, toItem } from './candidate-items';
import { cutToBudget } from './cut-to-budget';
import { compareWithPrevious, type StoryChange } from './day-over-day';
import { buildHeatmap } from './heatmap';
import { autoPages } from './length-budget';
import { splitOffTopic } from './off-topic';
import { keepEnglishOnly, otherLanguageArticles } from './other-languages';
import { rankActors } from './rank-actors';
import { makeSalience, makeSalienceParts, type RankingContext, weighParts } from './rank-items';
import { type RankedStory, rankStories, storyOfCandidate } from './rank-stories';
import { clusterStories, independentSources } from './story-clusters';
import { buildThemeSections } from './theme-sections';

const minHighlights = 3;
/** Key developments an edition gets when it has that many stories, whoever tells them. */
const usualHighlights = 7;

export interface BriefInput {
  edition: string;
  generatedAt: Date;
  articles: ArticleRecord[];
  rejected: RejectionRecord[];
  reference: ReferenceData;
  options: BriefOptions;
  /** The previous edition's brief, for day over day; absent or null when there is none. */
  previous?: BriefModel | null;
}

/**
 * Builds the brief model of an edition. Articles telling the same story are grouped, every
 * sentence is ranked (`options.weights`), and every item is printed in full once: Key
 * developments first (one per story), then the section of the item's principal actor, then
 * its lead theme; every other place that concerns it points back ("→ Key developments 2",
 * "→ Russia"). Lowest-ranked items are cut to fit `options.pages`, and the cut is recorded in
 * `omitted`.
 */
export function buildBrief(input: BriefInput): BriefModel {
  const { reference, options } = input;
  const news = reference.newsValue ?? noNewsValue;
  // Off-topic uploads (sport, entertainment…) are listed under Not included and used nowhere else.
  const { kept: articles, offTopic } = splitOffTopic(
    [...input.articles].sort((a, b) => a.key.localeCompare(b.key)),
    reference,
    options.offTopic,
  );
  const byId = new Map(articles.map((article) => [article.id, article]));
  const all = collectCandidates(articles, {
    minScore: options.minSentenceScore,
    maxWords: options.maxItemWords,
    lexicon: reference.lexicon,
  });
  // Only English is quoted; articles in other languages still count for stories and actors.
  keepEnglishOnly(all, byId);
  const otherLanguages = otherLanguageArticles(articles, reference);
  const { storyOf, stories } = clusterStories(articles, all, news);
  const storyById = new Map(stories.map((story) => [story.id, story]));
  const actors = rankActors(articles, reference, options.actorWeights);
  const context: RankingContext = {
    edition: input.edition,
    articles: byId,
    storyOf,
    stories: storyById,
    actorWeight: actors.weight,
    options,
    news,
  };
  const salience = makeSalience(context);
  const salienceOf = new Map<string, number>();
  for (const candidate of all)
    if (candidate.quotable) salienceOf.set(candidate.id, salience(candidate));
  const ranked = all
    .filter((candidate) => candidate.quotable)
    .sort(
      (a, b) =>
        (salienceOf.get(b.id) ?? 0) - (salienceOf.get(a.id) ?? 0) || a.id.localeCompare(b.id),
    );
  const rankedStories = rankStories({
    stories,
    storyOf,
    candidates: ranked,
    articles: byId,
    edition: input.edition,
    news,
    parts: makeSalienceParts(context),
    weigh: weighParts(options),
  });
  const changes = input.previous
    ? compareWithPrevious(statementsOf(stories, rankedStories), byId, input.previous, input.edition)
    : null;
  for (const story of stories) applyChange(story, changes?.get(story.id));

  const printed = new Set<string>();
  const highlights = pickHighlights(
    rankedStories,
    ranked,
    storyOf,
    storyById,
    options.maxHighlights,
  );
  for (const highlight of highlights) printed.add(highlight.id);

  const byActor = buildActorSections(
    actors.ranking.slice(0, options.maxActors),
    articles,
    ranked,
    highlights,
    printed,
    input,
  );
  const themeSections = buildThemeSections(ranked, highlights, byActor, printed, input);
  const rejected = rejectedOfEdition(input.rejected, articles);
  const pages = options.pages === 'auto' ? autoPages(articles.length) : options.pages;
  const cut = cutToBudget({
    pages,
    highlights,
    byActor,
    byTheme: themeSections,
    articles,
    // Not included and In other languages are lists of one line or so per entry.
    rejected: rejected.length + offTopic.length + otherLanguages.length,
    salience: (item) => salienceOf.get(item.id) ?? 0,
    themeOrder: new Map(reference.themes.map((theme, index) => [theme.id, index])),
  });
  // Actor sections only for actors with items of their own; the others are named on one line.
  const sections = splitAlsoMentioned(cut.byActor, cut.byTheme, highlights, reference);

  return {
    edition: input.edition,
    generatedAt: input.generatedAt.toISOString(),
    title: options.title,
    handling: options.handling,
    stats: {
      articles: articles.length,
      sources: independentSources(articles),
      rejected: rejected.length,
    },
    articles: articles.map(toBriefArticle),
    highlights,
    byActor: sections.byActor,
    byTheme: cut.byTheme,
    heatmap: buildHeatmap(all, sections.byActor, cut.byTheme, reference),
    rejected,
    inputsHash: inputsHash([...articles, ...offTopic], rejected, options, input.previous ?? null),
    stories: listedStories(stories, highlights),
    ...(input.previous ? { previousEdition: input.previous.edition } : {}),
    omitted: cut.omitted,
    paper: options.paper,
    author: options.author,
    otherLanguages,
    offTopic,
    alsoMentioned: sections.alsoMentioned,
  };
}

/**
 * Key developments: the stories of most news value, one key development each, shown by the
 * sentence that best states the event (`rankStories`). As many as there are stories, 3 to 7,
 * and up to `max` when more stories than that are told by several outlets; a story that was in
 * the previous brief with nothing new (`continuing`) takes no place. An edition of fewer
 * stories fills up from its best items.
 */
function pickHighlights(
  rankedStories: RankedStory[],
  ranked: Candidate[],
  storyOf: Map<string, string>,
  stories: Map<string, Story>,
  max: number,
): Highlight[] {
  const open = rankedStories.filter(({ story }) => story.status !== 'continuing');
  const multiOutlet = open.filter(({ story }) => story.independentSources > 1).length;
  const target = Math.min(
    max,
    Math.max(minHighlights, Math.min(usualHighlights, open.length), multiOutlet),
  );
  const picks: { candidate: Candidate; story: Story | undefined }[] = open
    .slice(0, target)
    .map(({ story, statement }) => ({ candidate: statement, story }));
  const continuing = new Set(
    rankedStories.filter(({ story }) => story.status === 'continuing').map(({ story }) => story.id),
  );
  for (const candidate of ranked) {
    if (picks.length >= Math.min(minHighlights, target)) break;
    if (picks.some((pick) => pick.candidate === candidate)) continue;
    const story = stories.get(storyOfCandidate(candidate, storyOf));
    if (story && continuing.has(story.id)) continue;
    picks.push({ candidate, story });
  }
  return picks.map(({ candidate, story }, position) => {
    const order = story?.articles ?? candidate.sources;
    const sources = [...candidate.sources].sort((a, b) => order.indexOf(a) - order.indexOf(b));
    return {
      ...toItem({ ...candidate, sources }),
      number: position + 1,
      headline: story?.headline ?? '',
      ...(story?.headlineFromLead ? { headlineFromLead: true } : {}),
      alsoIn: order.filter((id) => !candidate.sources.includes(id)),
      ...(story ? { story: story.id } : {}),
      ...(story?.status === 'new' || story?.status === 'developing'
        ? { status: story.status }
        : {}),
      ...(story?.status === 'developing'
        ? { newArticles: story.newArticles ?? [], newSources: story.newSources ?? [] }
        : {}),
    };
  });
}

/** Each story with the sentence it would be shown by (its headline when it has none). */
function statementsOf(
  stories: Story[],
  rankedStories: RankedStory[],
): { story: Story; statement: string }[] {
  const statements = new Map(rankedStories.map(({ story, statement }) => [story.id, statement]));
  return stories.map((story) => ({
    story,
    statement: statements.get(story.id)?.text ?? story.headline,
  }));
}

function applyChange(story: Story, change: StoryChange | undefined): void {
  if (!change) return;
  story.status = change.status;
  if (change.previous) story.previous = change.previous;
  if (change.status === 'developing') {
    story.newArticles = change.newArticles;
    story.newSources = change.newSources;
  }
}

/**
 * The stories brief.json lists: those of several articles, those with a key development, and
 * those the previous brief had (developing, continuing).
 */
function listedStories(stories: Story[], highlights: Highlight[]): Story[] {
  const told = new Set(highlights.map((highlight) => highlight.story));
  return stories.filter(
    (story) =>
      story.articles.length > 1 ||
      told.has(story.id) ||
      story.status === 'developing' ||
      story.status === 'continuing',
  );
}

function buildActorSections(
  ranking: ActorId[],
  articles: ArticleRecord[],
  ranked: Candidate[],
  highlights: Highlight[],
  printed: Set<string>,
  input: BriefInput,
): ActorSection[] {
  const rankOf = new Map(ranking.map((actor, index) => [actor, index]));
  const buckets = new Map<ActorId, Candidate[]>();
  for (const candidate of ranked) {
    if (printed.has(candidate.id)) continue;
    let owner: ActorId | undefined;
    if (candidate.principal && rankOf.has(candidate.principal)) owner = candidate.principal;
    else {
      let best = Number.POSITIVE_INFINITY;
      for (const actor of candidate.actors) {
        const rank = rankOf.get(actor);
        if (rank !== undefined && rank < best) {
          best = rank;
          owner = actor;
        }
      }
    }
    if (!owner) continue;
    const bucket = buckets.get(owner) ?? [];
    if (bucket.length < input.options.maxItemsPerActor) bucket.push(candidate);
    buckets.set(owner, bucket);
  }
  const articleCount = new Map<ActorId, number>();
  for (const article of articles)
    for (const actor of new Set(article.actors))
      articleCount.set(actor, (articleCount.get(actor) ?? 0) + 1);
  const sections: ActorSection[] = [];
  for (const id of ranking) {
    const items = (buckets.get(id) ?? []).map(toItem);
    for (const item of items) printed.add(item.id);
    const seeHighlights = highlights.filter((h) => h.actors.includes(id)).map((h) => h.number);
    // Only actors with items of their own get a section (the others: also-mentioned.ts).
    if (items.length === 0) continue;
    const actor = input.reference.actors.get(id);
    sections.push({
      id,
      name: actor?.name ?? id,
      kind: actor?.kind ?? 'state',
      articleCount: articleCount.get(id) ?? 0,
      items,
      seeHighlights,
    });
  }
  return sections;
}

function toBriefArticle(article: ArticleRecord, index: number): BriefArticle {
  return {
    id: article.id,
    ref: index + 1,
    key: article.key,
    title: article.title,
    source: article.source,
    url: article.url,
    published: article.published,
    publishedInferred: article.publishedInferred,
    actors: article.actors,
    themes: article.themes,
  };
}

/** Rejections of the edition, minus uploads that were later fixed and ingested. */
function rejectedOfEdition(
  rejected: RejectionRecord[],
  articles: ArticleRecord[],
): { key: string; reason: string }[] {
  const ingested = new Set(articles.map((article) => article.key));
  return rejected
    .filter((record) => !ingested.has(record.key))
    .sort((a, b) => a.key.localeCompare(b.key))
    .map(({ key, reason }) => ({ key, reason }));
}

function inputsHash(
  articles: Pick<ArticleRecord, 'id' | 'key'>[],
  rejected: { key: string; reason: string }[],
  options: BriefOptions,
  previous: BriefModel | null,
): string {
  // The previous brief read for day over day is an input too: rebuilt, it changes this one.
  const before = previous ? [previous.edition, previous.inputsHash] : null;
  const fingerprint = JSON.stringify([
    articles.map((a) => [a.id, a.key]),
    rejected,
    options,
    ...(before ? [before] : []),
  ]);
  return createHash('sha256').update(fingerprint).digest('hex').slice(0, 16);
}
