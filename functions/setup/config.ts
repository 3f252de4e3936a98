import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { type BriefOptions, defaultBriefOptions, parseBriefConfig } from '../brief/brief-options';
import { ConfigError } from '../model/errors';
import type { PipelineSettings } from '../pipeline/pipeline-deps';

/** Settings read once from the environment (Lambda) or the command line (CLI). */
export interface RuntimeConfig {
  /** Project root: where `functions/data/`, `templates/` and the fonts are. */
  root: string;
  templatesDir: string;
  actorsFile: string | undefined;
  themesFile: string | undefined;
  settings: PipelineSettings;
}

type Env = Record<string, string | undefined>;

/**
 * Reads the configuration from environment variables; every variable is optional. A value
 * that cannot be used is named in the error.
 */
export function configFromEnv(env: Env = process.env): RuntimeConfig {
  const root = findProjectRoot(env);
  const file = briefConfigFile(env.BRIEF_CONFIG_FILE);
  const brief: BriefOptions = {
    ...(file?.options ?? defaultBriefOptions),
    ...(env.BRIEF_TITLE ? { title: env.BRIEF_TITLE } : {}),
    ...(env.BRIEF_HANDLING !== undefined ? { handling: env.BRIEF_HANDLING || null } : {}),
  };
  return {
    root,
    templatesDir: env.BRIEF_TEMPLATES_DIR ?? file?.templates ?? join(root, 'templates'),
    actorsFile: env.BRIEF_ACTORS_FILE,
    themesFile: env.BRIEF_THEMES_FILE,
    settings: {
      maxBytes: positiveNumber(env, 'BRIEF_MAX_BYTES', 10 * 1024 * 1024),
      minWords: positiveNumber(env, 'BRIEF_MIN_WORDS', 30),
      timeZone: timeZone(env.BRIEF_TIME_ZONE ?? 'UTC'),
      brief,
    },
  };
}

/** The brief options of a config file (BRIEF_CONFIG_FILE, or the CLI's --config); templates resolved beside it. */
function briefConfigFile(path: string | undefined) {
  if (!path) return null;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ConfigError(`BRIEF_CONFIG_FILE=${path}: cannot be read`, { cause: error });
  }
  const parsed = parseBriefConfig(text, path);
  return {
    options: parsed.options,
    templates: parsed.templates ? resolve(dirname(path), parsed.templates) : null,
  };
}

/** The first of BRIEF_ROOT, LAMBDA_TASK_ROOT and the working folder that holds our data files. */
function findProjectRoot(env: Env): string {
  const candidates = [env.BRIEF_ROOT, env.LAMBDA_TASK_ROOT, process.cwd()].filter(
    Boolean,
  ) as string[];
  for (const candidate of candidates) {
    if (existsSync(join(candidate, 'functions', 'data', 'actors.yaml'))) return resolve(candidate);
  }
  throw new ConfigError(
    `cannot find functions/data/actors.yaml under ${candidates.join(', ')}; run from the project folder or set BRIEF_ROOT`,
  );
}

/** A positive number from an environment variable; the variable is named in the error. */
export function positiveNumber(env: Env, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0)
    throw new ConfigError(`${name}=${raw}: expected a positive number`);
  return value;
}

export function timeZone(name: string): string {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return name;
  } catch {
    throw new ConfigError(`time zone "${name}" is not an IANA time zone (e.g. UTC, Europe/London)`);
  }
}
