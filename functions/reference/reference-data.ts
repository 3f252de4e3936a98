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

export interface ThemeCue {
  pattern: RegExp;
  weight: number;
  cue: string;
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
  /** …and this share of the article's strongest theme. */
  themeArticleShare: number;
  outletsByHost: ReadonlyMap<string, string>;
  lexicon: Lexicon;
}
