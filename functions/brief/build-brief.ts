import { createHash } from 'node:crypto';
import type {
  ActorId,
  ActorSection,
  ArticleRecord,
  BriefArticle,
  BriefItem,
  BriefModel,
  Highlight,
  RejectionRecord,
  ThemeId,
  ThemeSection,
} from '../core/types';
import type { ReferenceData } from '../reference/reference-data';
import type { BriefOptions } from './brief-options';
import { type Candidate, collectCandidates } from './candidate-items';
import { buildHeatmap } from './heatmap';
import { rankActors } from './rank-actors';

/** A theme heading lists its most salient actors, not every actor ever mentioned with it. */
const maxThemeActors = 8;

export interface BriefInput {
  edition: string;
  generatedAt: Date;
  articles: ArticleRecord[];
  rejected: RejectionRecord[];
  reference: ReferenceData;
  options: BriefOptions;
}

/**
 * Builds the brief model of an edition. Every item is a sentence of the articles, printed in
 * full once: Key developments first, then the section of the item's principal actor, then its
 * theme; every other place that concerns it points back ("→ Key developments 2", "→ Russia").
 */
export function buildBrief(input: BriefInput): BriefModel {
  const { reference, options } = input;
  const articles = [...input.articles].sort((a, b) => a.key.localeCompare(b.key));
  const candidates = collectCandidates(articles, options.minSentenceScore);
  const printed = new Set<string>();

  const highlights = pickHighlights(articles, candidates, options.maxHighlights);
  for (const highlight of highlights) printed.add(highlight.id);

  const actorRanking = rankActors(articles, reference).slice(0, options.maxActors);
  const byActor = buildActorSections(
    actorRanking,
    articles,
    candidates,
    highlights,
    printed,
    input,
  );
  const byTheme = buildThemeSections(candidates, highlights, byActor, printed, input);
  const rejected = rejectedOfEdition(input.rejected, articles);

  return {
    edition: input.edition,
    generatedAt: input.generatedAt.toISOString(),
    title: options.title,
    handling: options.handling,
    stats: {
      articles: articles.length,
      sources: countSources(articles),
      rejected: rejected.length,
    },
    articles: articles.map(toBriefArticle),
    highlights,
    byActor,
    byTheme,
    heatmap: buildHeatmap(candidates, byActor, byTheme, reference),
    rejected,
    inputsHash: inputsHash(articles, rejected, options),
  };
}

/** The best sentence of each article, the articles ranked by their best sentence and reach. */
function pickHighlights(
  articles: ArticleRecord[],
  candidates: Candidate[],
  max: number,
): Highlight[] {
  const picks: { article: ArticleRecord; candidate: Candidate; weight: number }[] = [];
  const taken = new Set<string>();
  for (const article of articles) {
    const best = candidates
      .filter((candidate) => candidate.sources.includes(article.id) && !taken.has(candidate.id))
      .sort((a, b) => leadWeight(b) - leadWeight(a))[0];
    if (!best) continue;
    taken.add(best.id);
    picks.push({ article, candidate: best, weight: leadWeight(best) + 0.5 * best.sources.length });
  }
  return picks
    .sort((a, b) => b.weight - a.weight)
    .slice(0, max)
    .map(({ article, candidate }, position) => ({
      ...toItem(candidate),
      number: position + 1,
      headline: article.title,
    }));
}

/** A lead sentence with actors makes a better key development than a later one. */
function leadWeight(candidate: Candidate): number {
  return (
    candidate.score +
    (candidate.paragraph <= 1 ? 0.5 : 0) +
    0.2 * Math.min(candidate.actors.length, 3)
  );
}

function buildActorSections(
  ranking: ActorId[],
  articles: ArticleRecord[],
  candidates: Candidate[],
  highlights: Highlight[],
  printed: Set<string>,
  input: BriefInput,
): ActorSection[] {
  const ranked = new Set(ranking);
  const owner = (candidate: Candidate): ActorId | undefined =>
    candidate.principal && ranked.has(candidate.principal)
      ? candidate.principal
      : ranking.find((actor) => candidate.actors.includes(actor));
  const themeOrder = new Map(input.reference.themes.map((theme, index) => [theme.id, index]));
  const sections: ActorSection[] = [];
  for (const id of ranking) {
    const items = candidates
      .filter((candidate) => !printed.has(candidate.id) && owner(candidate) === id)
      .sort((a, b) => b.score - a.score)
      .slice(0, input.options.maxItemsPerActor)
      .sort(
        (a, b) =>
          (themeOrder.get(a.themes[0] ?? '') ?? 99) - (themeOrder.get(b.themes[0] ?? '') ?? 99),
      )
      .map(toItem);
    for (const item of items) printed.add(item.id);
    const seeHighlights = highlights.filter((h) => h.actors.includes(id)).map((h) => h.number);
    if (items.length === 0 && seeHighlights.length === 0) continue;
    const actor = input.reference.actors.get(id);
    sections.push({
      id,
      name: actor?.name ?? id,
      kind: actor?.kind ?? 'state',
      articleCount: articles.filter((article) => article.actors.includes(id)).length,
      items,
      seeHighlights,
    });
  }
  return sections;
}

function buildThemeSections(
  candidates: Candidate[],
  highlights: Highlight[],
  byActor: ActorSection[],
  printed: Set<string>,
  input: BriefInput,
): ThemeSection[] {
  const weight = new Map<ThemeId, number>();
  for (const candidate of candidates) {
    for (const theme of candidate.themes)
      weight.set(theme, (weight.get(theme) ?? 0) + candidate.score);
  }
  const actorRank = new Map(byActor.map((section, index) => [section.id, index]));
  const sections: ThemeSection[] = [];
  const themes = input.reference.themes
    .filter((theme) => weight.has(theme.id))
    .sort((a, b) => (weight.get(b.id) ?? 0) - (weight.get(a.id) ?? 0));
  for (const theme of themes) {
    const ofTheme = candidates.filter((candidate) => candidate.themes.includes(theme.id));
    // An item is printed under its lead theme only; its other themes point to it.
    const items = ofTheme
      .filter((candidate) => !printed.has(candidate.id) && candidate.themes[0] === theme.id)
      .sort((a, b) => b.score - a.score)
      .slice(0, input.options.maxItemsPerTheme)
      .map(toItem);
    for (const item of items) printed.add(item.id);
    const seeActors = byActor
      .filter((section) => section.items.some((item) => item.themes.includes(theme.id)))
      .map((section) => ({ id: section.id, name: section.name }));
    const seeHighlights = highlights
      .filter((h) => h.themes.includes(theme.id))
      .map((h) => h.number);
    if (items.length === 0 && seeActors.length === 0 && seeHighlights.length === 0) continue;
    const actors = [...new Set(ofTheme.flatMap((candidate) => candidate.actors))]
      .sort((a, b) => (actorRank.get(a) ?? 999) - (actorRank.get(b) ?? 999))
      .slice(0, maxThemeActors);
    sections.push({ id: theme.id, name: theme.label, actors, items, seeHighlights, seeActors });
  }
  return sections;
}

function toItem(candidate: Candidate): BriefItem {
  return {
    id: candidate.id,
    text: candidate.text,
    actors: candidate.actors,
    themes: candidate.themes,
    sources: candidate.sources,
    theme: candidate.themes[0] ?? null,
  };
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

/** Known outlets count once each; every article of unknown source counts as its own source. */
function countSources(articles: ArticleRecord[]): number {
  const known = new Set(
    articles.flatMap((article) => (article.source ? [article.source.toLowerCase()] : [])),
  );
  return known.size + articles.filter((article) => !article.source).length;
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
  articles: ArticleRecord[],
  rejected: { key: string; reason: string }[],
  options: BriefOptions,
): string {
  const fingerprint = JSON.stringify([articles.map((a) => [a.id, a.key]), rejected, options]);
  return createHash('sha256').update(fingerprint).digest('hex').slice(0, 16);
}
