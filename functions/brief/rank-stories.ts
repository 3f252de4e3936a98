import type { ArticleRecord, Story } from '../model/types';
import type { NewsValue } from '../reference/reference-data';
import type { Candidate } from './candidate-items';
import { itemNewsSignals, kindOf, quotedShare, reliability } from './news-signals';
import type { SalienceParts } from './rank-items';

/** A story with its news value and the sentence that states its event. */
export interface RankedStory {
  story: Story;
  /** The sentence that best states the event, from its most reliable report. */
  statement: Candidate;
  /** News value: the weighted salience of the statement, with the story's kind of event. */
  value: number;
}

export interface StoryRankingInput {
  stories: Story[];
  storyOf: Map<string, string>;
  /** Quotable candidates, any order. */
  candidates: Candidate[];
  articles: Map<string, ArticleRecord>;
  edition: string;
  news: NewsValue;
  parts: (candidate: Candidate) => SalienceParts;
  weigh: (parts: SalienceParts) => number;
}

/**
 * Ranks stories by news value: how many independent outlets report them (log-scaled), how
 * recent they are against the edition, the weight of their actors and the kind of event, less
 * a penalty when the best they offer is a view or history. Each story is shown by the sentence
 * that best states its event (`statementScore`). Stories without a quotable sentence naming
 * an actor are left out. Highest value first.
 */
export function rankStories(input: StoryRankingInput): RankedStory[] {
  const editionYear = Number(input.edition.slice(0, 4));
  const byStory = new Map<string, Candidate[]>();
  for (const candidate of input.candidates) {
    if (candidate.actors.length === 0) continue;
    const story = storyOfCandidate(candidate, input.storyOf);
    const list = byStory.get(story);
    if (list) list.push(candidate);
    else byStory.set(story, [candidate]);
  }
  const ranked: RankedStory[] = [];
  for (const story of input.stories) {
    const candidates = byStory.get(story.id);
    if (!candidates?.length) continue;
    const actor = leadActorOf(story, input.articles);
    let statement = candidates[0] as Candidate;
    let best = Number.NEGATIVE_INFINITY;
    for (const candidate of candidates) {
      const score = statementScore(candidate, input.articles, input.news, editionYear, actor);
      if (score > best || (score === best && candidate.id < statement.id)) {
        best = score;
        statement = candidate;
      }
    }
    const kind = storyKind(story, input.articles, input.news);
    const parts = input.parts(statement);
    ranked.push({
      story,
      statement,
      value: input.weigh({ ...parts, kind: Math.max(parts.kind, kind) }),
    });
  }
  return ranked.sort((a, b) => b.value - a.value || a.story.id.localeCompare(b.story.id));
}

/** The story most of a candidate's sources belong to (its first source's on a tie). */
export function storyOfCandidate(candidate: Candidate, storyOf: Map<string, string>): string {
  const counts = new Map<string, number>();
  let best = storyOf.get(candidate.sources[0] ?? '') ?? '';
  for (const source of candidate.sources) {
    const story = storyOf.get(source);
    if (story === undefined) continue;
    counts.set(story, (counts.get(story) ?? 0) + 1);
    if ((counts.get(story) ?? 0) > (counts.get(best) ?? 0)) best = story;
  }
  return best;
}

/**
 * How well a sentence states its story's event: a lead sentence (the top of the article
 * counts most) naming what happened (a kind of event), done by the event's own actor (the one
 * acting in most of the story's leads), with a number, in the sentence's own
 * words rather than a quote fragment, from the most reliable report; never a view or history,
 * nor the page's headline line, nor a sentence in another language, if anything else is there.
 */
export function statementScore(
  candidate: Candidate,
  articles: Map<string, ArticleRecord>,
  news: NewsValue,
  editionYear: number,
  storyActor: string | null = null,
): number {
  const signals = itemNewsSignals(candidate, news, editionYear);
  const sources = candidate.sources.map((id) => articles.get(id));
  const trust = Math.max(0, ...sources.map((article) => reliability(article, news)));
  // The event is told at the top: the lead counts most, and less with every paragraph down.
  const lead = 2 / (1 + candidate.paragraph);
  // A page's headline line carried into its text is the title again, not a statement of it.
  const own = wordsOf(candidate.text);
  const isTitle = sources.some((article) => article && titleWordsOf(article) === own);
  // The brief is written in English: a sentence only other-language reports carry is not shown.
  const english = sources.some((article) => article?.language === 'en');
  return (
    lead +
    (signals.kind?.weight ?? 0) +
    // The event's own actor acting, rather than someone reacting to it.
    (storyActor !== null && candidate.principal === storyActor ? 0.5 : 0) +
    (/\d/.test(candidate.text) ? 0.25 : 0) +
    0.25 * trust +
    0.25 * Math.min(candidate.score, 2) -
    quotedShare(candidate.text) -
    (signals.opinion || signals.background ? 2 : 0) -
    (isTitle ? 2 : 0) -
    (english ? 0 : 3)
  );
}

const wordsOf = (text: string) => (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).join(' ');

const titleWords = new WeakMap<ArticleRecord, { title: string; words: string }>();

/** `wordsOf` an article's title, remembered with the article (every candidate compares it). */
function titleWordsOf(article: ArticleRecord): string {
  const known = titleWords.get(article);
  if (known?.title === article.title) return known.words;
  const words = wordsOf(article.title);
  titleWords.set(article, { title: article.title, words });
  return words;
}

/** The actor that acts most often in the lead sentences of a story's reports: the event's. */
function leadActorOf(story: Story, articles: Map<string, ArticleRecord>): string | null {
  const counts = new Map<string, number>();
  for (const id of story.articles) {
    const acting = new Set(
      (articles.get(id)?.sentences ?? [])
        .filter((sentence) => sentence.paragraph === 0 && sentence.principal)
        .map((sentence) => sentence.principal as string),
    );
    for (const actor of acting) counts.set(actor, (counts.get(actor) ?? 0) + 1);
  }
  let best: string | null = null;
  for (const [actor, count] of counts)
    if (
      best === null ||
      count > (counts.get(best) ?? 0) ||
      (count === counts.get(best) && actor < best)
    )
      best = actor;
  return best;
}

/** The heaviest kind of event among a story's titles and lead sentences. */
function storyKind(story: Story, articles: Map<string, ArticleRecord>, news: NewsValue): number {
  let best = 0;
  for (const id of story.articles) {
    const article = articles.get(id);
    if (!article) continue;
    const texts = [
      article.title,
      ...article.sentences.filter((s) => s.paragraph === 0).map((s) => s.text),
    ];
    for (const text of texts) best = Math.max(best, kindOf(text, news)?.weight ?? 0);
  }
  return best;
}
