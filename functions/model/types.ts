/** Actor ids follow docs/design.md: ISO 3166-1 alpha-3 for states, acronyms for organisations, SNAKE_CASE for armed groups. */
export type ActorId = string;
/** Lower-case theme slug from the taxonomy (`security`, `human-rights`, …). */
export type ThemeId = string;

export type ArticleFormat = 'txt' | 'md' | 'html' | 'json' | 'pdf' | 'docx' | 'eml';

/** How a metadata field was found, so a reader can judge it (e.g. `"dateline+year-from-text"`). */
export type Provenance = Partial<
  Record<'title' | 'source' | 'url' | 'published' | 'dateline' | 'byline' | 'language', string>
>;

export interface SentenceRecord {
  text: string;
  actors: ActorId[];
  themes: ThemeId[];
  /** The actor that acts or speaks in the sentence, when one can be told. */
  principal: ActorId | null;
  /** Index of the paragraph the sentence comes from (0 = lead). */
  paragraph: number;
  /** Extractive-summary score: higher is more worth quoting in a brief. */
  score: number;
  /**
   * Who said it, when the sentence reports speech ("…," Putin said; according to the
   * statement): the speaker as named (a person, "the Kremlin", "the foreign ministry") and the
   * actor they speak for, or null when the speaker is unattributed.
   */
  speaker?: {
    name: string;
    actor: ActorId | null;
    /**
     * Set when the sentence names its speaker only by a pronoun ("…,” he stressed): `name` when
     * the name was carried from the sentences just before, which name that person (or, for
     * "it"/"they", that institution); `actor` when only the actor they were about is known, so
     * `name` is that actor's, not who spoke.
     */
    carried?: 'name' | 'actor';
  };
  /** The quoted words, without quotation marks, when the sentence quotes its speaker. */
  quote?: string;
  /** For each theme of `themes`, the cues that fired, so a reader can see why. */
  cues?: Record<ThemeId, string[]>;
}

/**
 * Which version of an upload a record is of, as the S3 event named it: its version id
 * (versioned buckets), its ETag, and the event's sequencer (which orders the events of one key).
 */
export interface UploadVersion {
  versionId?: string;
  etag?: string;
  sequencer?: string;
}

/** `articles/<edition>/<id>.json` in the store. */
export interface ArticleRecord {
  id: string;
  key: string;
  edition: string;
  receivedAt: string;
  /** The version of the upload this record is of (absent in records written before it was kept). */
  upload?: UploadVersion;
  format: ArticleFormat;
  title: string;
  source: string | null;
  url: string | null;
  /** `YYYY-MM-DD` or null when unknown. */
  published: string | null;
  /** True when the year (or the whole date) was inferred rather than read. */
  publishedInferred: boolean;
  dateline: string | null;
  byline: string | null;
  language: string;
  /** Clean body text, paragraphs separated by a blank line. */
  text: string;
  actors: ActorId[];
  themes: ThemeId[];
  sentences: SentenceRecord[];
  provenance: Provenance;
  /**
   * What read the upload: a digest of the code, the data files and the reading settings
   * (setup/reading-stamp.ts), set by the local command. A re-run reuses a record read the same
   * way and reads its upload again otherwise; absent in records Lambda writes.
   */
  readWith?: string;
}

/** `rejected/<edition>/<key>.json` in the store. */
export interface RejectionRecord {
  key: string;
  reason: string;
  at: string;
  edition: string;
  /** The version of the upload that was rejected. */
  upload?: UploadVersion;
  /**
   * As `ArticleRecord.readWith`, on a rejection the same bytes read the same way would get
   * again (not one that ran out of time or met an error of ours).
   */
  readWith?: string;
}

export interface BriefArticle {
  id: string;
  /** 1-based number used for citations such as [2]. */
  ref: number;
  key: string;
  title: string;
  source: string | null;
  url: string | null;
  published: string | null;
  publishedInferred: boolean;
  actors: ActorId[];
  themes: ThemeId[];
}

export interface BriefItem {
  /** Stable id of the item (hash of its normalised text). */
  id: string;
  text: string;
  actors: ActorId[];
  themes: ThemeId[];
  /** Article ids the item is taken from; render as [ref] via `BriefArticle.ref`. */
  sources: string[];
  /** Lead theme of the item, used for the theme sub-heading inside an actor section. */
  theme: ThemeId | null;
  /**
   * Who speaks, when the sentence names them only by a pronoun ("…,” he stressed) and the
   * article named them just before ("Imran Khan"); shown as an attribution outside the quote.
   */
  speaker?: string;
}

export interface Highlight extends BriefItem {
  /** 1-based position in Key developments. */
  number: number;
  /** Short headline: the headline of its story (the best real title among its articles). */
  headline: string;
  /**
   * True when no article of the story has a real title and the headline was cut from the lead
   * of one: the brief then prints the lead once, not as headline and text.
   */
  headlineFromLead?: boolean;
  /** Other articles telling the same story that do not carry this very sentence ("also [4]"). */
  alsoIn?: string[];
  /** Id of the story (`BriefModel.stories`) the key development tells. */
  story?: string;
  /**
   * Day over day, against the previous edition's brief: `new` when the story was not in it,
   * `developing` when it was and has new reports. Absent when there is no previous edition.
   */
  status?: 'new' | 'developing';
  /** For a developing story: the articles new since the previous edition. */
  newArticles?: string[];
  /** For a developing story: the named outlets whose reports are new since the previous edition. */
  newSources?: string[];
}

/** Day over day: `continuing` stories were in the previous brief and have nothing new. */
export type StoryStatus = 'new' | 'developing' | 'continuing';

/**
 * Articles reporting the same event (wire copy, its rewrites and other outlets' reports),
 * lead article (the most reliable, earliest report) first.
 */
export interface Story {
  id: string;
  /** The best real title among its articles (see `headlineFromLead`). */
  headline: string;
  /** True when no article has a real title and `headline` was cut from a lead. */
  headlineFromLead?: boolean;
  articles: string[];
  /** Distinct outlets among the articles (an article of unknown source counts as its own). */
  independentSources: number;
  /** The named outlets among the articles, in the order of their first report. */
  outlets?: string[];
  /** Day (YYYY-MM-DD) of the first report: its publication day, else the day it was received. */
  firstReport?: string | null;
  /** Day (YYYY-MM-DD) of the last report, likewise. */
  lastReport?: string | null;
  /** Day over day, against the previous edition's brief; absent when there is none. */
  status?: StoryStatus;
  /** The story of the previous edition this one continues. */
  previous?: { edition: string; story: string; headline: string };
  /** Articles new since the previous edition (developing stories). */
  newArticles?: string[];
  /** Named outlets new since the previous edition (developing stories). */
  newSources?: string[];
}

/** What the length budget left out, so the reader knows the brief was cut. */
export interface Omitted {
  /** Target length in pages the brief was cut to. */
  pages: number;
  /** Items that would have been printed but were cut, lowest-ranked first to go. */
  items: number;
  /** Actors whose section was cut entirely. */
  actors: { id: ActorId; name: string }[];
}

export interface ActorSection {
  id: ActorId;
  name: string;
  kind: ActorKind;
  /** Number of articles that mention the actor. */
  articleCount: number;
  /** Items printed in full in this section (never printed in full elsewhere). */
  items: BriefItem[];
  /** Key-development numbers that also concern this actor ("→ Key developments 1, 3"). */
  seeHighlights: number[];
}

export interface ThemeSection {
  id: ThemeId;
  name: string;
  /** Actors of the theme's items, most salient first. */
  actors: ActorId[];
  /** Items printed in full in this section (not shown in Key developments or By actor). */
  items: BriefItem[];
  seeHighlights: number[];
  /** Actor sections that hold items of this theme ("→ Russia"). */
  seeActors: { id: ActorId; name: string }[];
}

export type ActorKind = 'state' | 'organisation' | 'armed-group';

/** An article in a language other than English: listed, never quoted; its actors still count. */
export interface OtherLanguageArticle {
  /** Article id: the article is in `articles` (Sources) and may be cited as the same story. */
  id: string;
  key: string;
  /** The title as written, in its language. */
  title: string;
  /** ISO 639-1 code (`fr`) and the language's English name (`French`). */
  language: string;
  languageName: string;
  source: string | null;
  /** Its most salient actors. */
  actors: { id: ActorId; name: string }[];
}

/** An article left out of the brief as off-topic (a match report, a celebrity story). */
export interface OffTopicArticle {
  /** Article id; the article is not in `articles` and is used nowhere else. */
  id: string;
  key: string;
  title: string;
  source: string | null;
  /** The kind of off-topic text (`sport`, `entertainment`, `lifestyle`). */
  kind: string;
  /** As printed under Not included: "off-topic: sport (no state or organisation acting)". */
  reason: string;
  /** The heaviest cues that fired, so a reader can see why ("goalkeeper", "world cup"). */
  cues: string[];
}

/**
 * Actors named only in passing (no item of their own), listed together on one line and
 * pointing to where they appear: "Also in today's reports: Kazakhstan, Kyrgyzstan → Key
 * development 3". One entry per set of places; actors in the same places share an entry.
 */
export interface AlsoMentioned {
  actors: { id: ActorId; name: string }[];
  /** Key developments that name them. */
  seeHighlights: number[];
  /** Actor sections holding items that name them. */
  seeActors: { id: ActorId; name: string }[];
  /** Theme sections holding items that name them. */
  seeThemes: { id: ThemeId; name: string }[];
}

/** One cell of the actor × theme heat map. */
export interface HeatCell {
  actor: ActorId;
  theme: ThemeId;
  /** Number of sentences across the edition that concern both. */
  count: number;
}

/** The brief model: `brief.json`, rendered to HTML and PDF. */
export interface BriefModel {
  edition: string;
  generatedAt: string;
  title: string;
  /** Handling line such as "OFFICIAL — for internal use", or null. */
  handling: string | null;
  stats: { articles: number; sources: number; rejected: number };
  articles: BriefArticle[];
  highlights: Highlight[];
  byActor: ActorSection[];
  byTheme: ThemeSection[];
  heatmap: {
    actors: { id: ActorId; name: string }[];
    themes: { id: ThemeId; name: string }[];
    cells: HeatCell[];
  };
  rejected: { key: string; reason: string }[];
  /** Fingerprint of the inputs; a compile with the same inputs changes nothing. */
  inputsHash: string;
  /**
   * Stories told by more than one article, and every story with a key development or a
   * day-over-day status; other single-article stories are not listed.
   */
  stories?: Story[];
  /** The edition whose brief this one was compared with, day over day; null when none. */
  previousEdition?: string | null;
  /** What the length budget cut; null or absent when nothing was cut. */
  omitted?: Omitted | null;
  /** Paper size of the PDF; A4 when absent. */
  paper?: 'a4' | 'letter';
  /** PDF author metadata (the issuing team); absent for none. */
  author?: string | null;
  /** Articles in other languages, listed under "In other languages" (by key). */
  otherLanguages?: OtherLanguageArticle[];
  /** Articles left out as off-topic, listed under "Not included" with the rejected uploads. */
  offTopic?: OffTopicArticle[];
  /** Actors without a section of their own, by the places that name them. */
  alsoMentioned?: AlsoMentioned[];
}

/** The two renderings of a brief model, handed to the pipeline so it stays free of fonts and templates. */
export interface Renderers {
  html(model: BriefModel): string;
  pdf(model: BriefModel): Promise<Uint8Array>;
}
