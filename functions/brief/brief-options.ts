import { parse as parseYaml } from 'yaml';
import { ConfigError } from '../model/errors';
import { lazyAjv } from '../model/lazy-ajv';

/** How much each signal counts when items and stories are ranked (0 switches a signal off). */
export interface RankingWeights {
  /** The sentence's own extractive score (self-contained, about named actors, on a theme). */
  score: number;
  /** Number of independent outlets telling the story (log-scaled). */
  sources: number;
  /** Prominence in the articles: in the lead, echoing the title. */
  prominence: number;
  /** Recency of publication relative to the edition day. */
  recency: number;
  /** Salience of the actors involved (and any `actorWeights` set by the team). */
  actors: number;
  /**
   * The kind of event reported (casualties, a coup, an attack, an agreement or vote, a meeting
   * of leaders, a statement: `functions/data/news-value.yaml`).
   */
  kind: number;
  /** How far a view, a guess, a question or history ranks below a reported event. */
  opinion: number;
}

/**
 * When an article is off-topic (functions/brief/off-topic.ts, cues in
 * functions/data/off-topic.yaml): its heaviest off-topic kind weighs at least `minCues` and at
 * least `ratio` times its diplomatic cues (theme cues of sentences in which an actor acts).
 */
export interface OffTopicOptions {
  /** False lists nothing as off-topic: every article is used. */
  enabled: boolean;
  minCues: number;
  ratio: number;
}

/** What a team may tune about its brief; every field has a default. */
export interface BriefOptions {
  title: string;
  /** Handling line under the masthead, e.g. "OFFICIAL — for internal use". */
  handling: string | null;
  /** Author in the PDF metadata (the issuing team), or null. */
  author: string | null;
  /**
   * Key developments: one per story, at least 3 (when the edition has that many stories) and
   * up to 7, more up to this when more stories than that are told by several outlets.
   */
  maxHighlights: number;
  maxActors: number;
  maxItemsPerActor: number;
  maxItemsPerTheme: number;
  /** Sentences scoring below this are never quoted. */
  minSentenceScore: number;
  /** Sentences (or quotations over several sentences) of more words than this are never quoted. */
  maxItemWords: number;
  weights: RankingWeights;
  /** Extra weight of given actors, e.g. `{ RUS: 2 }` for a Russia desk; 1 when not set. */
  actorWeights: Record<string, number>;
  /** Half-life, in days, of the recency signal. */
  recencyHalfLifeDays: number;
  /** Target length in pages; `auto` = about 4 pages for 20 articles, 10 for 200. */
  pages: number | 'auto';
  paper: 'a4' | 'letter';
  /** Which uploads are listed as off-topic instead of used. */
  offTopic: OffTopicOptions;
}

export const defaultBriefOptions: BriefOptions = {
  title: 'Daily Diplomatic Brief',
  handling: 'OFFICIAL — for internal use',
  author: null,
  maxHighlights: 8,
  maxActors: 15,
  maxItemsPerActor: 4,
  maxItemsPerTheme: 3,
  minSentenceScore: 0.5,
  maxItemWords: 60,
  weights: { score: 1, sources: 1, prominence: 1, recency: 0.5, actors: 0.5, kind: 1, opinion: 1 },
  actorWeights: {},
  recencyHalfLifeDays: 2,
  pages: 'auto',
  paper: 'a4',
  offTopic: { enabled: true, minCues: 6, ratio: 2 },
};

const weight = { type: 'number', minimum: 0, maximum: 100 } as const;
const count = (minimum: number, maximum: number) =>
  ({ type: 'integer', minimum, maximum }) as const;

/** JSON schema of the `brief` options in a config file: unknown keys (typos) are errors. */
export const briefOptionsSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    title: { type: 'string', maxLength: 200 },
    handling: { type: ['string', 'null'], maxLength: 200 },
    author: { type: ['string', 'null'], maxLength: 200 },
    maxHighlights: count(3, 10),
    maxActors: count(1, 100),
    maxItemsPerActor: count(1, 50),
    maxItemsPerTheme: count(0, 50),
    minSentenceScore: { type: 'number' },
    maxItemWords: count(10, 500),
    weights: {
      type: 'object',
      additionalProperties: false,
      properties: {
        score: weight,
        sources: weight,
        prominence: weight,
        recency: weight,
        actors: weight,
        kind: weight,
        opinion: weight,
      },
    },
    actorWeights: {
      type: 'object',
      propertyNames: { pattern: '^[A-Za-z0-9_-]+$' },
      additionalProperties: weight,
    },
    recencyHalfLifeDays: { type: 'number', exclusiveMinimum: 0 },
    pages: { anyOf: [count(1, 200), { const: 'auto' }] },
    paper: { enum: ['a4', 'letter'] },
    offTopic: {
      type: 'object',
      additionalProperties: false,
      properties: {
        enabled: { type: 'boolean' },
        minCues: { type: 'number', minimum: 0 },
        ratio: { type: 'number', minimum: 0 },
      },
    },
  },
} as const;

const ajv = lazyAjv({ allErrors: true });
const validate = ajv.compile(briefOptionsSchema);

/**
 * Brief options from untrusted input (a config file's `brief:` block): defaults filled in,
 * weights merged key by key. Throws `ConfigError` naming every wrong or unknown key, so a typo
 * like `maxHighlight` is reported instead of silently ignored. `where` names the input.
 */
export function parseBriefOptions(raw: unknown, where = 'brief options'): BriefOptions {
  const input = raw ?? {};
  if (!validate(input)) {
    const problems = (validate.errors ?? []).map((error) => {
      const path = error.instancePath.replace(/^\//, '').replaceAll('/', '.') || '(top level)';
      const extra =
        error.keyword === 'additionalProperties'
          ? `unknown option "${(error.params as { additionalProperty: string }).additionalProperty}"`
          : error.message;
      return `${path}: ${extra}`;
    });
    throw new ConfigError(`${where}: ${[...new Set(problems)].join('; ')}`);
  }
  const partial = input as Partial<BriefOptions>;
  return {
    ...defaultBriefOptions,
    ...partial,
    weights: { ...defaultBriefOptions.weights, ...partial.weights },
    offTopic: { ...defaultBriefOptions.offTopic, ...partial.offTopic },
    actorWeights: { ...partial.actorWeights },
  };
}

/** A config file: the brief options plus the templates folder (relative to the file). */
export interface BriefConfigFile {
  options: BriefOptions;
  templates: string | null;
}

/**
 * Parses a config file (YAML or JSON): the `BriefOptions` keys at the top level, plus
 * `templates`, a folder of Handlebars templates. Unknown keys and wrong values throw
 * `ConfigError` naming the file and the key.
 */
export function parseBriefConfig(text: string, where: string): BriefConfigFile {
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (error) {
    throw new ConfigError(`${where}: not valid YAML or JSON (${(error as Error).message})`, {
      cause: error,
    });
  }
  if (raw === null || raw === undefined) raw = {};
  if (typeof raw !== 'object' || Array.isArray(raw))
    throw new ConfigError(`${where}: expected a mapping of options, such as "title: My brief"`);
  const { templates, ...rest } = raw as Record<string, unknown>;
  if (templates !== undefined && (typeof templates !== 'string' || templates.trim() === ''))
    throw new ConfigError(`${where}: templates: expected the path of a folder`);
  return { options: parseBriefOptions(rest, where), templates: (templates as string) ?? null };
}
