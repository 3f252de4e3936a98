import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { type BriefOptions, defaultBriefOptions, parseBriefConfig } from '../brief/brief-options';
import { maxLinkSeconds } from '../delivery/link-limits';
import { ConfigError } from '../model/errors';
import type { PipelineSettings } from '../pipeline/pipeline-deps';
import { defaultRecipientsKey } from '../store/bucket-layout';

/**
 * The one place the environment is read (README "Configuration" and "Delivery"). Each
 * function returns typed settings for one part (the pipeline, the bucket, delivery, the log,
 * the CLI) and takes the environment as a parameter, `process.env` by default, so tests hand
 * in their own. Every variable is optional but BRIEF_BUCKET in Lambda; a value that cannot be
 * used is named in the error.
 */

type Env = Record<string, string | undefined>;

/** Pipeline settings, read once from the environment (Lambda) or the command line (CLI). */
export interface RuntimeConfig {
  /** Project root: where `functions/data/`, `templates/` and the fonts are. */
  root: string;
  templatesDir: string;
  actorsFile: string | undefined;
  themesFile: string | undefined;
  settings: PipelineSettings;
}

/** The pipeline's configuration: data files, templates, limits, time zone, brief options. */
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
      ingestSeconds: positiveNumber(env, 'BRIEF_INGEST_SECONDS', 20),
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

/** What the command line sets over the environment (README "The local command"). */
export interface CliOverrides {
  /** Where the data files, templates and fonts are, unless BRIEF_ROOT says otherwise. */
  root: string;
  actorsFile?: string;
  themesFile?: string;
  templatesDir?: string;
  configFile?: string;
}

/** The pipeline's configuration for the CLI: the environment, with the command line's files over it. */
export function configForCli(overrides: CliOverrides, env: Env = process.env): RuntimeConfig {
  return configFromEnv({
    BRIEF_ROOT: overrides.root,
    ...env,
    ...(overrides.actorsFile ? { BRIEF_ACTORS_FILE: overrides.actorsFile } : {}),
    ...(overrides.themesFile ? { BRIEF_THEMES_FILE: overrides.themesFile } : {}),
    ...(overrides.templatesDir ? { BRIEF_TEMPLATES_DIR: overrides.templatesDir } : {}),
    ...(overrides.configFile ? { BRIEF_CONFIG_FILE: overrides.configFile } : {}),
  });
}

/** The CLI's defaults from the environment. */
export interface CliSettings {
  /** Where the user typed the command: `npm run` starts in the package folder, INIT_CWD is theirs. */
  cwd: string;
  /** `--mail-from` unless given: BRIEF_MAIL_FROM, else a local address. */
  mailFrom: string;
  /** `--smtp` unless given: BRIEF_SMTP_URL. */
  smtpUrl: string | undefined;
  /** BRIEF_CLI_TIMINGS: print each phase's time and the peak memory on stderr (for the bench). */
  timings: boolean;
  /**
   * The key of the bundle `npm run brief` runs (infra/run-cli.cjs): what the code is, for the
   * reading stamp (setup/reading-stamp.ts). Absent when run from source: every run then reads
   * every input again.
   */
  codeKey?: string;
}

export function cliSettingsFromEnv(env: Env = process.env): CliSettings {
  return {
    cwd: env.INIT_CWD ?? process.cwd(),
    mailFrom: env.BRIEF_MAIL_FROM || 'Daily Brief <brief@localhost.localdomain>',
    smtpUrl: env.BRIEF_SMTP_URL,
    timings: Boolean(env.BRIEF_CLI_TIMINGS),
  };
}

/** The bucket the Lambda functions use. */
export interface StoreSettings {
  bucket: string;
  /** An S3-compatible server (S3_ENDPOINT), or null for AWS itself. */
  endpoint: string | null;
}

export function storeSettingsFromEnv(env: Env = process.env): StoreSettings {
  const bucket = env.BRIEF_BUCKET;
  if (!bucket)
    throw new ConfigError(
      'BRIEF_BUCKET is not set; it names the bucket the functions read and write',
    );
  return { bucket, endpoint: env.S3_ENDPOINT || null };
}

/**
 * The function the ingest function hands PDF, Word and e-mail uploads to
 * (BRIEF_DOCUMENTS_FUNCTION, set by serverless.yml); a ConfigError when unset, as those
 * uploads could then never be read.
 */
export function documentsFunctionFromEnv(env: Env = process.env): string {
  const name = env.BRIEF_DOCUMENTS_FUNCTION;
  if (!name)
    throw new ConfigError(
      'BRIEF_DOCUMENTS_FUNCTION is not set; it names the function that reads PDF, Word and e-mail uploads',
    );
  return name;
}

/** Delivery settings, read once from the environment. Every variable is optional. */
export interface DeliverySettings {
  /** Store key of the recipients file (YAML/JSON), read at each delivery so edits need no deploy. */
  recipientsKey: string;
  /** Sender address (a verified SES identity); overrides `from` in the recipients file. */
  from: string | null;
  /** When set, mail goes through this SMTP server instead of SES. */
  smtpUrl: string | null;
  /** SES configuration set (event publishing, dedicated IPs), or null. */
  configurationSet: string | null;
  /** SNS topic of the "brief published" announcement, or null for none. */
  topicArn: string | null;
  /** Lifetime of the pre-signed links, in seconds. */
  linkSeconds: number;
  /** Sends of one message per run (first try included). */
  attempts: number;
  bucket: string | null;
  s3Endpoint: string | null;
  /** Values that were set but are not used, to be said once in the log. */
  warnings: string[];
}

export function deliverySettingsFromEnv(env: Env = process.env): DeliverySettings {
  const hours = positiveNumber(env, 'BRIEF_LINK_HOURS', 24);
  if (hours * 3600 > maxLinkSeconds)
    throw new ConfigError(
      `BRIEF_LINK_HOURS=${hours}: pre-signed links last at most 168 hours (7 days)`,
    );
  const topic = topicArn(env.BRIEF_TOPIC_ARN);
  return {
    recipientsKey: env.BRIEF_RECIPIENTS_KEY || defaultRecipientsKey,
    from: env.BRIEF_MAIL_FROM || null,
    smtpUrl: env.BRIEF_SMTP_URL || null,
    configurationSet: env.BRIEF_SES_CONFIGURATION_SET || null,
    topicArn: topic.arn,
    linkSeconds: Math.round(hours * 3600),
    attempts: Math.round(positiveNumber(env, 'BRIEF_SEND_ATTEMPTS', 3)),
    bucket: env.BRIEF_BUCKET || null,
    s3Endpoint: env.S3_ENDPOINT || null,
    warnings: topic.warnings,
  };
}

/**
 * serverless-offline turns `!Ref BriefPublishedTopic` into "[object Object]": a value that is
 * not a topic ARN means "no topic here", said once in the log, rather than a failed compile.
 */
function topicArn(value: string | undefined): { arn: string | null; warnings: string[] } {
  if (!value) return { arn: null, warnings: [] };
  if (/^arn:[\w-]+:sns:[\w-]+:\d{12}:[\w-]+$/.test(value)) return { arn: value, warnings: [] };
  return {
    arn: null,
    warnings: [
      `BRIEF_TOPIC_ARN=${value} is not an SNS topic ARN: no "brief published" announcement`,
    ],
  };
}

export type LogLevel = 'DEBUG' | 'INFO' | 'WARN' | 'ERROR' | 'SILENT';

const logLevels: Record<string, LogLevel> = {
  debug: 'DEBUG',
  info: 'INFO',
  warn: 'WARN',
  error: 'ERROR',
  silent: 'SILENT',
};

/** BRIEF_LOG: debug, info, warn, error or silent (any case); info by default and for anything else. */
export function logLevelFromEnv(env: Env = process.env): LogLevel {
  return logLevels[(env.BRIEF_LOG ?? 'info').toLowerCase()] ?? 'INFO';
}

/** A positive number from an environment variable; the variable is named in the error. */
function positiveNumber(env: Env, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0)
    throw new ConfigError(`${name}=${raw}: expected a positive number`);
  return value;
}

function timeZone(name: string): string {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return name;
  } catch {
    throw new ConfigError(`time zone "${name}" is not an IANA time zone (e.g. UTC, Europe/London)`);
  }
}
