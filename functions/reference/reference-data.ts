import type { ActorId, ActorKind, ThemeId } from '../core/types';

/** How a name refers to its actor; it decides when a mention makes the actor act. */
export type AliasKind = 'name' | 'capital' | 'seat' | 'demonym' | 'person';

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

/** Everything the analysis reads: built once from the data files, then shared. */
export interface ReferenceData {
  actors: ReadonlyMap<ActorId, Actor>;
  /** Aliases by their first token in lower case, longest first. */
  aliasesByFirstToken: ReadonlyMap<string, Alias[]>;
  /** Lower-case names of capitals and countries, for datelines ("Washington:"). */
  placeNames: ReadonlySet<string>;
  themes: Theme[];
  themeThreshold: number;
  outletsByHost: ReadonlyMap<string, string>;
}
