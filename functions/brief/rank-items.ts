import type { ActorId, ArticleRecord, Story } from '../model/types';
import type { NewsValue } from '../reference/reference-data';
import type { BriefOptions } from './brief-options';
import type { Candidate } from './candidate-items';
import { itemNewsSignals } from './news-signals';
import { independentSources } from './story-clusters';

export interface RankingContext {
  edition: string;
  articles: Map<string, ArticleRecord>;
  storyOf: Map<string, string>;
  stories: Map<string, Story>;
  /** Actor salience, 0…1, already multiplied by the team's actor weights. */
  actorWeight: Map<ActorId, number>;
  options: BriefOptions;
  /** Event kinds, opinion and background cues. */
  news: NewsValue;
}

/** Each signal of an item's salience, before the weights of `BriefOptions.weights`. */
export interface SalienceParts {
  score: number;
  /** log2(1 + independent outlets telling its story). */
  sources: number;
  prominence: number;
  recency: number;
  actors: number;
  /** Weight (0–1) of the kind of event the sentence reports. */
  kind: number;
  /** 1 for a view, a guess, a question or history; 0 for a reported event. */
  opinion: number;
}

const dayMs = 86_400_000;

/**
 * The salience of a candidate item: a weighted sum of its own extractive score, the number of
 * independent outlets telling its story (log-scaled), its prominence (in a lead, echoing a
 * title), its recency against the edition day, the weight of its actors and the kind of event
 * it reports, less a penalty when it gives a view or history instead. The weights come from
 * `BriefOptions.weights`.
 */
export function makeSalience(context: RankingContext): (candidate: Candidate) => number {
  const parts = makeSalienceParts(context);
  const weigh = weighParts(context.options);
  const cache = new Map<string, number>();
  return (candidate) => {
    const known = cache.get(candidate.id);
    if (known !== undefined) return known;
    const value = weigh(parts(candidate));
    cache.set(candidate.id, value);
    return value;
  };
}

/** The weighted sum of salience parts. */
export function weighParts(options: BriefOptions): (parts: SalienceParts) => number {
  const { weights } = options;
  return (parts) =>
    weights.score * parts.score +
    weights.sources * parts.sources +
    weights.prominence * parts.prominence +
    weights.recency * parts.recency +
    weights.actors * parts.actors +
    weights.kind * parts.kind -
    weights.opinion * parts.opinion;
}

/** The signals of a candidate's salience, each unweighted. */
export function makeSalienceParts(
  context: RankingContext,
): (candidate: Candidate) => SalienceParts {
  const { recencyHalfLifeDays } = context.options;
  const edition = Date.parse(`${context.edition}T00:00:00Z`);
  const editionYear = Number(context.edition.slice(0, 4));
  const titleWords = new Map<string, Set<string>>();
  for (const article of context.articles.values())
    titleWords.set(article.id, contentWords(article.title));
  return (candidate) => {
    const sources = candidate.sources
      .map((id) => context.articles.get(id))
      .filter((article): article is ArticleRecord => article !== undefined);
    const story = context.stories.get(context.storyOf.get(candidate.sources[0] ?? '') ?? '');
    const outlets = Math.max(independentSources(sources), story?.independentSources ?? 1);

    const lead = candidate.paragraph === 0 ? 1 : candidate.paragraph === 1 ? 0.5 : 0;
    const words = contentWords(candidate.text);
    let echo = 0;
    for (const source of sources) {
      const title = titleWords.get(source.id);
      if (!title || title.size === 0) continue;
      let hits = 0;
      for (const word of title) if (words.has(word)) hits++;
      echo = Math.max(echo, hits / title.size);
    }

    let recency = 0.5;
    const newest = sources
      .map((source) =>
        source.published ? Date.parse(`${source.published}T00:00:00Z`) : Number.NaN,
      )
      .filter((time) => !Number.isNaN(time))
      .sort((a, b) => b - a)[0];
    if (newest !== undefined && !Number.isNaN(edition)) {
      const age = Math.max(0, (edition - newest) / dayMs);
      recency = 0.5 ** (age / recencyHalfLifeDays);
    }

    const actorWeights = candidate.actors
      .map((actor) => context.actorWeight.get(actor) ?? 0)
      .sort((a, b) => b - a);
    const actors = (actorWeights[0] ?? 0) + 0.25 * (actorWeights[1] ?? 0);
    const signals = itemNewsSignals(candidate, context.news, editionYear);

    return {
      score: candidate.score,
      sources: Math.log2(1 + outlets),
      prominence: lead + 0.5 * echo,
      recency,
      actors,
      kind: signals.kind?.weight ?? 0,
      opinion: signals.opinion || signals.background ? 1 : 0,
    };
  };
}

function contentWords(text: string): Set<string> {
  return new Set(
    (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((word) => word.length > 3),
  );
}
