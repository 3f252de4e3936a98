import type { ErrorObject } from 'ajv';
import { parse as parseYaml } from 'yaml';
import { ConfigError } from '../model/errors';
import { lazyAjv } from '../model/lazy-ajv';
import type { ActorId, ThemeId } from '../model/types';

/**
 * What a distribution list receives: the whole brief (`full`), only the items that concern
 * its actors or themes (`only`), or the whole brief with those items first (`first`).
 */
export type ListMode = 'full' | 'only' | 'first';

export interface DistributionList {
  /** Lower-case slug; names the delivery record `deliveries/<edition>/<name>.json`. */
  name: string;
  /** Shown after the brief's title, e.g. "Central Asia desk". */
  label: string | null;
  to: string[];
  cc: string[];
  bcc: string[];
  actors: ActorId[];
  themes: ThemeId[];
  mode: ListMode;
}

export interface DeliveryConfig {
  /** Sender, a verified SES identity: `brief@example.org` or `Daily Brief <brief@example.org>`. */
  from: string | null;
  replyTo: string | null;
  lists: DistributionList[];
}

const address = { type: 'string', pattern: '^[^\\s@<>,;]+@[^\\s@<>,;]+\\.[^\\s@<>,;]+$' };
const addresses = { type: 'array', items: address, uniqueItems: true };
const ids = { type: 'array', items: { type: 'string', minLength: 1 }, uniqueItems: true };
const sender = {
  type: 'string',
  pattern: '^([^<>]*<)?[^\\s@<>,;]+@[^\\s@<>,;]+\\.[^\\s@<>,;]+>?$',
};

const listSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['name', 'to'],
  properties: {
    name: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]{0,62}$' },
    label: { type: 'string', minLength: 1 },
    to: { ...addresses, minItems: 1 },
    cc: addresses,
    bcc: addresses,
    actors: ids,
    themes: ids,
    mode: { enum: ['full', 'only', 'first'] },
  },
};

const schema = {
  oneOf: [
    // The short form: a list of addresses that all get the full brief.
    { ...addresses, minItems: 1 },
    {
      type: 'object',
      additionalProperties: false,
      properties: {
        from: sender,
        replyTo: address,
        to: { ...addresses, minItems: 1 },
        lists: { type: 'array', items: listSchema, minItems: 1 },
      },
      oneOf: [{ required: ['to'] }, { required: ['lists'] }],
    },
  ],
};

const validate = lazyAjv({ allErrors: true, verbose: true }).compile(schema);

type RawList = Partial<Omit<DistributionList, 'name' | 'to'>> & { name: string; to: string[] };
type RawConfig = string[] | { from?: string; replyTo?: string; to?: string[]; lists?: RawList[] };

/**
 * Reads a recipients file (YAML or JSON). `source` names it in errors. Either a list of
 * addresses (one list, "all", full brief), or `{ from, replyTo, to }`, or `{ from, lists }`
 * with per-team lists whose `actors`/`themes` filter the brief.
 */
export function parseDeliveryConfig(text: string, source: string): DeliveryConfig {
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (err) {
    throw new ConfigError(`${source}: not valid YAML or JSON: ${(err as Error).message}`, {
      cause: err,
    });
  }
  if (!validate(raw)) throw new ConfigError(`${source}: ${describeErrors(validate.errors ?? [])}`);
  const config = raw as RawConfig;
  if (Array.isArray(config)) return { from: null, replyTo: null, lists: [fullList(config)] };
  const lists = config.lists ? config.lists.map(normaliseList) : [fullList(config.to ?? [])];
  const names = lists.map((list) => list.name);
  const twice = names.find((name, i) => names.indexOf(name) !== i);
  if (twice) throw new ConfigError(`${source}: two lists are named "${twice}"; names must differ`);
  for (const list of lists) {
    if (list.mode !== 'full' && list.actors.length + list.themes.length === 0)
      throw new ConfigError(
        `${source}: list "${list.name}" has mode "${list.mode}" but no actors or themes to select by`,
      );
  }
  return { from: config.from ?? null, replyTo: config.replyTo ?? null, lists };
}

/** The configuration of `--mail-to a@x,b@y`: one list, full brief. */
export function configForAddresses(to: string[], from: string | null = null): DeliveryConfig {
  return parseDeliveryConfig(JSON.stringify(from ? { from, to } : to), '--mail-to');
}

function fullList(to: string[]): DistributionList {
  return normaliseList({ name: 'all', to });
}

function normaliseList(list: RawList): DistributionList {
  const actors = list.actors ?? [];
  const themes = list.themes ?? [];
  return {
    name: list.name,
    label: list.label ?? null,
    to: list.to,
    cc: list.cc ?? [],
    bcc: list.bcc ?? [],
    actors,
    themes,
    mode: list.mode ?? (actors.length + themes.length > 0 ? 'only' : 'full'),
  };
}

/** Ajv's errors in the words a person editing the file needs, deduplicated. */
function describeErrors(errors: ErrorObject[]): string {
  const messages = errors
    .filter((e) => e.keyword !== 'oneOf' && e.keyword !== 'type' && e.keyword !== 'required')
    .concat(errors.filter((e) => e.keyword === 'required' && e.instancePath !== ''))
    .map((e) => {
      const where = e.instancePath || 'the file';
      if (e.keyword === 'additionalProperties')
        return `${where}: unknown field "${(e.params as { additionalProperty: string }).additionalProperty}"`;
      if (e.keyword === 'pattern')
        return /\/name$/.test(where)
          ? `${where}: "${String(e.data)}" is not a list name; use lower-case letters, digits and dashes`
          : `${where}: "${String(e.data)}" is not an e-mail address`;
      return `${where}: ${e.message}`;
    });
  const unique = [...new Set(messages)];
  return unique.length > 0
    ? `${unique.join('; ')}`
    : 'expected a list of addresses, or an object with "to" (addresses) or "lists" (distribution lists)';
}
