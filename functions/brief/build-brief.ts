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
import type { ReferenceData } from '../reference/reference-data';
import { splitAlsoMentioned } from './also-mentioned';
import type { BriefOptions } from './brief-options';
import { type Candidate, collectCandidates, toItem } from './candidate-items';
import { cutToBudget } from './cut-to-budget';
import { buildHeatmap } from './heatmap';
import { autoPages } from './length-budget';
import { splitOffTopic } from './off-topic';
import { keepEnglishOnly, otherLanguageArticles } from './other-languages';
import { rankActors } from './rank-actors';
import { makeSalience } from './rank-items';
import { clusterStories, independentSources } from './story-clusters';
import { buildThemeSections } from './theme-sections';

const minHighlights = 3;

export interface BriefInput {
  edition: string;
  generatedAt: Date;
  articles: ArticleRecord[];
  rejected: RejectionRecord[];
  reference: ReferenceData;
  options: BriefOptions;
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
  const { storyOf, stories } = clusterStories(articles, all);
  const storyById = new Map(stories.map((story) => [story.id, story]));
  const actors = rankActors(articles, reference, options.actorWeights);
  const salience = makeSalience({
    edition: input.edition,
    articles: byId,
    storyOf,
    stories: storyById,
    actorWeight: actors.weight,
    options,
  });
  const salienceOf = new Map<string, number>();
  for (const candidate of all)
    if (candidate.quotable) salienceOf.set(candidate.id, salience(candidate));
  const ranked = all
    .filter((candidate) => candidate.quotable)
    .sort(
      (a, b) =>
        (salienceOf.get(b.id) ?? 0) - (salienceOf.get(a.id) ?? 0) || a.id.localeCompare(b.id),
    );

  const printed = new Set<string>();
  const highlights = pickHighlights(ranked, storyOf, storyById, byId, options.maxHighlights);
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
    inputsHash: inputsHash([...articles, ...offTopic], rejected, options),
    stories: stories.filter((story) => story.articles.length > 1),
    omitted: cut.omitted,
    paper: options.paper,
    author: options.author,
    otherLanguages,
    offTopic,
    alsoMentioned: sections.alsoMentioned,
  };
}

/**
 * Key developments: the best-ranked items, one per story, 3 to `max` of them (as many as there
 * are stories within that range; an edition of fewer stories fills up from its best items).
 */
function pickHighlights(
  ranked: Candidate[],
  storyOf: Map<string, string>,
  stories: Map<string, Story>,
  articles: Map<string, ArticleRecord>,
  max: number,
): Highlight[] {
  const target = Math.min(max, Math.max(minHighlights, stories.size));
  const picks: Candidate[] = [];
  const storiesTaken = new Set<string>();
  for (const candidate of ranked) {
    if (picks.length >= target) break;
    const story = storyOf.get(candidate.sources[0] ?? '') ?? '';
    if (storiesTaken.has(story) || candidate.actors.length === 0) continue;
    storiesTaken.add(story);
    picks.push(candidate);
  }
  for (const candidate of ranked) {
    if (picks.length >= Math.min(minHighlights, target)) break;
    if (!picks.includes(candidate)) picks.push(candidate);
  }
  return picks.map((candidate, position) => {
    const story = stories.get(storyOf.get(candidate.sources[0] ?? '') ?? '');
    const order = story?.articles ?? candidate.sources;
    const sources = [...candidate.sources].sort((a, b) => order.indexOf(a) - order.indexOf(b));
    const headlineArticle = articles.get(sources[0] ?? '');
    return {
      ...toItem({ ...candidate, sources }),
      number: position + 1,
      headline: headlineArticle?.title ?? '',
      alsoIn: order.filter((id) => !candidate.sources.includes(id)),
    };
  });
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
): string {
  const fingerprint = JSON.stringify([articles.map((a) => [a.id, a.key]), rejected, options]);
  return createHash('sha256').update(fingerprint).digest('hex').slice(0, 16);
}
