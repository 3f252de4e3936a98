import { ConfigError } from '../model/errors';
import { lazyAjv } from '../model/lazy-ajv';
import type { EventKind, NewsValue } from './reference-data';

/** The shape of `functions/data/news-value.yaml`. */
export interface NewsValueFile {
  event_kinds: Record<string, { label: string; weight: number; cues: string[] }>;
  opinion: string[];
  background: string[];
  agencies: string[];
}

const cueList = { type: 'array', items: { type: 'string', minLength: 1 } };
const ajv = lazyAjv({ allErrors: true });
const validate = ajv.compile({
  type: 'object',
  required: ['event_kinds', 'opinion', 'background', 'agencies'],
  additionalProperties: false,
  properties: {
    event_kinds: {
      type: 'object',
      propertyNames: { pattern: '^[a-z][a-z0-9-]*$' },
      additionalProperties: {
        type: 'object',
        required: ['label', 'weight', 'cues'],
        additionalProperties: false,
        properties: {
          label: { type: 'string', minLength: 1 },
          weight: { type: 'number', minimum: 0, maximum: 1 },
          cues: cueList,
        },
      },
    },
    opinion: cueList,
    background: cueList,
    agencies: cueList,
  },
});

/** Checks a parsed news-value file; `origin` names the file in the error a user reads. */
export function checkNewsValueFile(data: unknown, origin: string): NewsValueFile {
  if (!validate(data)) {
    throw new ConfigError(`${origin}: ${ajv.errorsText(validate.errors, { dataVar: 'news' })}`);
  }
  return data as NewsValueFile;
}

/** The cue lists compiled once, each into one pattern; kinds heaviest first. */
export function buildNewsValue(file: NewsValueFile): NewsValue {
  const kinds: EventKind[] = Object.entries(file.event_kinds)
    .map(([id, kind]) => ({
      id,
      label: kind.label,
      weight: kind.weight,
      cues: kind.cues,
      pattern: anyOf(kind.cues) as RegExp,
    }))
    .filter((kind) => kind.cues.length > 0)
    .sort((a, b) => b.weight - a.weight);
  return {
    kinds,
    opinion: anyOf(file.opinion),
    background: anyOf(file.background),
    agencies: new Set(file.agencies.map((name) => name.trim().toLowerCase())),
  };
}

/** News value without cues: every report of the same kind, none opinion, no agency. */
export const noNewsValue: NewsValue = {
  kinds: [],
  opinion: null,
  background: null,
  agencies: new Set(),
};

/**
 * Any of the cues, each a word or phrase matched as whole words in any case; a trailing *
 * matches any ending. Null for no cues.
 */
function anyOf(cues: string[]): RegExp | null {
  if (cues.length === 0) return null;
  const bodies = cues.map((cue) => {
    const prefix = cue.endsWith('*');
    const words = (prefix ? cue.slice(0, -1) : cue).trim().replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return `${words.replace(/\s+/g, '\\s+')}${prefix ? '[\\p{L}\\p{N}-]*' : ''}`;
  });
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${bodies.join('|')})(?![\\p{L}\\p{N}])`, 'iu');
}
