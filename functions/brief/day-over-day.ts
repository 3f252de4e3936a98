import type { ArticleRecord, BriefModel, Story, StoryStatus } from '../model/types';
import { shingleSet } from './candidate-items';
import { defaultEventClusterOptions, eventSimilarity } from './event-clusters';

/** What a story is, day over day. */
export interface StoryChange {
  status: StoryStatus;
  /** The previous edition's story it continues. */
  previous?: { edition: string; story: string; headline: string };
  /** Today's articles of the story that were not in the previous one. */
  newArticles: string[];
  /** Named outlets of the story that the previous one did not have. */
  newSources: string[];
}

/** Two statements of one story this alike (shingle containment) say the same thing. */
const sameStatement = 0.7;
/** A story continues across editions whatever the days between them (a weekend, a holiday). */
const anyDays = 7;

/** A story of the previous brief, as its brief.json tells it. */
interface PreviousStory {
  id: string;
  headline: string;
  articles: string[];
  /** What the brief printed about it: its key development, items citing its articles. */
  printed: string[];
}

/**
 * Compares the edition's stories with the previous edition's brief. A story matches a
 * previous one when they share an article, or when their headlines, statements, titles,
 * names and actors are as alike as two reports of one event (`eventSimilarity`, without its
 * rule on days: a story goes on over days). A matched story is `developing` when it has
 * something new (an outlet that had not reported it, or a statement the previous brief did
 * not print) and `continuing` otherwise; an unmatched story is `new`.
 */
export function compareWithPrevious(
  stories: { story: Story; statement: string }[],
  articles: Map<string, ArticleRecord>,
  previous: BriefModel,
  edition: string,
): Map<string, StoryChange> {
  const before = previousStories(previous);
  const changes = new Map<string, StoryChange>();
  if (before.length === 0) {
    for (const { story } of stories)
      changes.set(story.id, { status: 'new', newArticles: story.articles, newSources: [] });
    return changes;
  }
  const storyOfArticle = new Map<string, PreviousStory>();
  for (const story of before) for (const id of story.articles) storyOfArticle.set(id, story);
  const previousArticles = new Map(previous.articles.map((article) => [article.id, article]));

  const documents: ArticleRecord[] = [
    ...stories.map(({ story, statement }) => todayDocument(story, statement, articles, edition)),
    ...before.map((story) => previousDocument(story, previousArticles, previous.edition)),
  ];
  const { similarity } = eventSimilarity(documents, {
    ...defaultEventClusterOptions,
    maxDaysApart: anyDays,
  });
  const threshold = defaultEventClusterOptions.threshold;

  stories.forEach(({ story, statement }, i) => {
    let match = story.articles.map((id) => storyOfArticle.get(id)).find(Boolean);
    if (!match) {
      let best = threshold;
      before.forEach((candidate, k) => {
        const value = similarity(i, stories.length + k);
        if (value >= best) {
          best = value;
          match = candidate;
        }
      });
    }
    if (!match) {
      changes.set(story.id, { status: 'new', newArticles: story.articles, newSources: [] });
      return;
    }
    const known = new Set(match.articles);
    const knownOutlets = new Set(
      match.articles
        .map((id) => previousArticles.get(id)?.source?.trim().toLowerCase())
        .filter((name): name is string => Boolean(name)),
    );
    const newArticles = story.articles.filter((id) => !known.has(id));
    const newSources = (story.outlets ?? []).filter(
      (name) =>
        !knownOutlets.has(name.toLowerCase()) &&
        newArticles.some((id) => articles.get(id)?.source?.trim() === name),
    );
    const said = match.printed.map((text) => shingleSet(text));
    const own = shingleSet(statement);
    const repeated = said.some((other) => contained(own, other) >= sameStatement);
    const status: StoryStatus =
      newArticles.length > 0 && (newSources.length > 0 || !repeated) ? 'developing' : 'continuing';
    changes.set(story.id, {
      status,
      previous: { edition: previous.edition, story: match.id, headline: match.headline },
      newArticles: status === 'developing' ? newArticles : [],
      newSources: status === 'developing' ? newSources : [],
    });
  });
  return changes;
}

/** The previous brief's stories: its listed stories and the stories of its key developments. */
function previousStories(previous: BriefModel): PreviousStory[] {
  const byId = new Map<string, PreviousStory>();
  for (const story of previous.stories ?? [])
    byId.set(story.id, {
      id: story.id,
      headline: story.headline,
      articles: [...story.articles],
      printed: [],
    });
  for (const highlight of previous.highlights) {
    const id = highlight.story ?? `${previous.edition}-kd-${highlight.number}`;
    const story = byId.get(id) ?? {
      id,
      headline: highlight.headline,
      articles: [...highlight.sources, ...(highlight.alsoIn ?? [])],
      printed: [],
    };
    story.printed.push(highlight.text);
    byId.set(id, story);
  }
  const stories = [...byId.values()];
  const storyOf = new Map<string, PreviousStory>();
  for (const story of stories) for (const id of story.articles) storyOf.set(id, story);
  const sections = [...previous.byActor, ...previous.byTheme];
  for (const item of sections.flatMap((section) => section.items)) {
    const story = item.sources.map((id) => storyOf.get(id)).find(Boolean);
    if (story) story.printed.push(item.text);
  }
  return stories;
}

/** Today's story as one text: headline, statement, its articles' titles and leads. */
function todayDocument(
  story: Story,
  statement: string,
  articles: Map<string, ArticleRecord>,
  edition: string,
): ArticleRecord {
  const members = story.articles
    .map((id) => articles.get(id))
    .filter((article): article is ArticleRecord => article !== undefined);
  const leads = members.map(
    (article) =>
      `${article.title}. ${article.sentences.find((s) => s.paragraph === 0)?.text ?? ''}`,
  );
  return document(
    story.headline,
    [statement, ...leads],
    members.flatMap((article) => article.actors),
    edition,
  );
}

/** A previous story as one text: headline, what the brief printed, its articles' titles. */
function previousDocument(
  story: PreviousStory,
  articles: Map<string, BriefModel['articles'][number]>,
  edition: string,
): ArticleRecord {
  const members = story.articles
    .map((id) => articles.get(id))
    .filter((article): article is BriefModel['articles'][number] => article !== undefined);
  return document(
    story.headline,
    [...story.printed, ...members.map((article) => article.title)],
    members.flatMap((article) => article.actors),
    edition,
  );
}

function document(
  title: string,
  paragraphs: string[],
  actors: string[],
  edition: string,
): ArticleRecord {
  return {
    id: '',
    key: '',
    edition,
    receivedAt: `${edition}T00:00:00.000Z`,
    format: 'txt',
    title,
    source: null,
    url: null,
    published: null,
    publishedInferred: false,
    dateline: null,
    byline: null,
    language: 'en',
    text: paragraphs.join('\n\n'),
    actors: [...new Set(actors)],
    themes: [],
    sentences: [],
    provenance: {},
  };
}

/** Shingles of `a` found in `b`, over `a`'s. */
function contained(a: Set<number>, b: Set<number>): number {
  if (a.size === 0) return 0;
  let shared = 0;
  for (const shingle of a) if (b.has(shingle)) shared++;
  return shared / a.size;
}
