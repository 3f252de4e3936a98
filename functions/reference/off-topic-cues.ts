import { ConfigError } from '../model/errors';
import { lazyAjv } from '../model/lazy-ajv';
import type { OffTopicCue, OffTopicKind } from './reference-data';

/** The shape of `functions/data/off-topic.yaml`. */
export interface OffTopicFile {
  kinds: Record<string, { label: string; cues: Record<string, number> }>;
}

const ajv = lazyAjv({ allErrors: true });
const validate = ajv.compile({
  type: 'object',
  required: ['kinds'],
  additionalProperties: false,
  properties: {
    kinds: {
      type: 'object',
      propertyNames: { pattern: '^[a-z][a-z0-9-]*$' },
      additionalProperties: {
        type: 'object',
        required: ['label', 'cues'],
        additionalProperties: false,
        properties: {
          label: { type: 'string', minLength: 1 },
          cues: {
            type: 'object',
            minProperties: 1,
            additionalProperties: { type: 'number', exclusiveMinimum: 0 },
          },
        },
      },
    },
  },
});

/** Checks a parsed off-topic file; `origin` names the file in the error a user reads. */
export function checkOffTopicFile(data: unknown, origin: string): OffTopicFile {
  if (!validate(data)) {
    throw new ConfigError(
      `${origin}: ${ajv.errorsText(validate.errors, { dataVar: 'off-topic' })}`,
    );
  }
  return data as OffTopicFile;
}

/** The kinds of off-topic text with their cues compiled to whole-word patterns. */
export function buildOffTopicKinds(file: OffTopicFile): OffTopicKind[] {
  return Object.entries(file.kinds).map(([id, kind]) => ({
    id,
    label: kind.label,
    cues: Object.entries(kind.cues).map(([cue, weight]) => compileCue(cue, weight)),
  }));
}

/**
 * A cue as matched in text: whole words in any case, a trailing `*` for any ending. Off-topic
 * cues are scanned as one pattern per kind over the whole article, hence patterns rather than
 * the stemmed word matching of theme cues (which run sentence by sentence over tokens).
 */
function compileCue(cue: string, weight: number): OffTopicCue {
  const prefix = cue.endsWith('*');
  const words = (prefix ? cue.slice(0, -1) : cue).trim().replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const body = `${words.replace(/\s+/g, '\\s+')}${prefix ? '[\\p{L}\\p{N}-]*' : ''}`;
  return { cue, weight, words: body };
}
