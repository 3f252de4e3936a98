import type { ActorId, ActorKind, ThemeId } from '../model/types';

/**
 * How a name refers to its actor; it decides when a mention makes the actor act. A
 * `not-actor` alias ("Inner Mongolia", "South China Sea") only stops a shorter alias inside it
 * from matching; its `actor` is empty.
 */
export type AliasKind = 'name' | 'capital' | 'seat' | 'demonym' | 'person' | 'not-actor';

export interface Alias {
  /** The alias split into word tokens. */
  tokens: string[];
  actor: ActorId;
  kind: AliasKind;
  /** Aliases written in capitals (UN, US) only match in capitals. */
  exactCase: boolean;
  /** For people: the person's full name, so a quote can be attributed. */
  person?: string;
}

export interface Actor {
  id: ActorId;
  name: string;
  kind: ActorKind;
}

/**
 * A theme cue as written ("foreign minister*", "=talks") and compiled: its words in lower case
 * (hyphenated words split), their Porter2 stems, whether the last word is a prefix ("*") and
 * whether the words must match as written ("=") rather than by stem.
 */
export interface ThemeCue {
  weight: number;
  cue: string;
  words: string[];
  stems: string[];
  prefix: boolean;
  exact: boolean;
}

export interface Theme {
  id: ThemeId;
  label: string;
  description: string;
  cues: ThemeCue[];
  negative: ThemeCue[];
}

/**
 * The word lists of `functions/data/lexicon.yaml`, in lower case: the vocabulary the analysis
 * reads around names (the file says which rule reads which list). Grammar words are in
 * `functions/text/function-words.ts`.
 */
export interface Lexicon {
  demonymHeads: ReadonlySet<string>;
  demonymModifiers: ReadonlySet<string>;
  placeNounsAfterCapital: ReadonlySet<string>;
  placePartsBeforeOf: ReadonlySet<string>;
  titleObjectHeads: ReadonlySet<string>;
  givenNameStates: ReadonlySet<string>;
  titleHeads: ReadonlySet<string>;
  titleWords: ReadonlySet<string>;
  contextualTitleStarts: ReadonlySet<string>;
  honorifics: ReadonlySet<string>;
  nameParticles: ReadonlySet<string>;
  titlesInNames: ReadonlySet<string>;
  speechVerbs: ReadonlySet<string>;
  speakerPhraseWords: ReadonlySet<string>;
  /** Page furniture the brief never quotes (functions/brief/quotable.ts). */
  creditWords: ReadonlySet<string>;
  agencyNames: ReadonlySet<string>;
  linkWords: ReadonlySet<string>;
  timestampWords: ReadonlySet<string>;
  bylineWords: ReadonlySet<string>;
  promptVerbs: ReadonlySet<string>;
  promptObjects: ReadonlySet<string>;
}

/** A kind of event ("attack", "agreement") and the news value (0–1) it adds to a story. */
export interface EventKind {
  id: string;
  label: string;
  weight: number;
  /** The cues as written in `functions/data/news-value.yaml`. */
  cues: string[];
  /** Any of the cues, as whole words in any case. */
  pattern: RegExp;
}

/** What makes a report lead the brief (`functions/data/news-value.yaml`). */
export interface NewsValue {
  /** Heaviest first. */
  kinds: EventKind[];
  /** Any cue of a view or a guess rather than a reported event; null for none. */
  opinion: RegExp | null;
  /** Any cue of history rather than today's event; null for none. */
  background: RegExp | null;
  /** News agencies' names, in lower case. */
  agencies: ReadonlySet<string>;
}

/** Everything the analysis reads: built once from the data files, then shared. */
export interface ReferenceData {
  actors: ReadonlyMap<ActorId, Actor>;
  /** Aliases by their first token in lower case, longest first. */
  aliasesByFirstToken: ReadonlyMap<string, Alias[]>;
  /** Lower-case names of capitals and countries, for datelines ("Washington:"). */
  placeNames: ReadonlySet<string>;
  themes: Theme[];
  themeThreshold: number;
  /** An article carries a theme whose summed weight reaches this… */
  themeArticleThreshold: number;
  /** …and this share of the article's strongest theme… */
  themeArticleShare: number;
  /**
   * …and is carried by at least this many sentences (each reaching `themeThreshold`), the title
   * and the lead's sentences counting double: a passing mention is not a theme.
   */
  themeArticleSentences: number;
  outletsByHost: ReadonlyMap<string, string>;
  lexicon: Lexicon;
  /**
   * Names of actors in other languages, by ISO 639-1 code ("Russie", "Union africaine" under
   * `fr`): read only for articles in that language (`referenceForLanguage`).
   */
  aliasesByLanguage?: ReadonlyMap<string, Alias[]>;
  /** Cues of text that is no diplomatic news (sport, entertainment, lifestyle), per kind. */
  offTopic?: OffTopicKind[];
  /** Event kinds, opinion and background cues, agencies; absent: none of them. */
  newsValue?: NewsValue;
}

/** One kind of off-topic text and its weighted cues (`functions/data/off-topic.yaml`). */
export interface OffTopicKind {
  id: string;
  label: string;
  cues: OffTopicCue[];
}

/** An off-topic cue as written ("premier league", "transfer*") and as a pattern's source. */
export interface OffTopicCue {
  weight: number;
  cue: string;
  /** The cue's words as a pattern without word boundaries, joined with the other cues of its kind. */
  words: string;
}
