import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { deliverLocally } from '../delivery/local-delivery';
import { editionOf, isEdition } from '../model/edition';
import { BriefError } from '../model/errors';
import type { BriefModel } from '../model/types';
import { compile } from '../pipeline/compile';
import type { EarlierReading } from '../pipeline/earlier-readings';
import type { IngestOutcome } from '../pipeline/ingest';
import type { PipelineDeps } from '../pipeline/pipeline-deps';
import { pruneBuilds } from '../pipeline/prune-builds';
import { articlePoolSize, makePipelineArticlePool } from '../setup/article-pool';
import { startCompileThread } from '../setup/compile-thread';
import {
  type CliSettings,
  cliSettingsFromEnv,
  configForCli,
  type RuntimeConfig,
} from '../setup/config';
import { localDeps } from '../setup/local-deps';
import { peakRssKb } from '../setup/peak-memory';
import { readingStamp } from '../setup/reading-stamp';
import { publishedBriefKeys } from '../store/brief-manifest';
import { briefKeys } from '../store/bucket-layout';
import { collectInputs, type InputFile } from './collect-inputs';
import {
  earlierReadingsOf,
  type Filing,
  type InputOutcome,
  ingestInputs,
  inputsInFlight,
  runSequencer,
} from './ingest-inputs';
import { makeProgress } from './progress';

interface CliOptions {
  out: string;
  store: string;
  edition?: string;
  actors?: string;
  themes?: string;
  templates?: string;
  config?: string;
  mailTo?: string;
  recipients?: string;
  mailFrom: string;
  smtp?: string;
  resend?: boolean;
}

/**
 * `npm run brief -- <files or folders…>`: ingest into the local store, compile, write the brief,
 * and e-mail it when asked. Returns the exit code (README "The local command").
 */
export async function runCli(
  argv: string[],
  cwd: string,
  settings: CliSettings = cliSettingsFromEnv(),
  root = sourceRoot,
): Promise<number> {
  const program = cliProgram(settings);
  try {
    program.parse(argv, { from: 'user' });
  } catch (error) {
    return (error as { exitCode?: number }).exitCode ?? 2;
  }
  const options = program.opts<CliOptions>();
  const config = localConfig(options, cwd, root);
  const storeDir = resolve(cwd, options.store);
  const deps: PipelineDeps = {
    ...localDeps(config, storeDir),
    readWith: readingStamp(settings.codeKey ?? `source ${randomUUID()}`, config),
  };
  const filing = filingOf(options, deps);

  const timing = phaseTimer(settings.timings);
  const inputs = await collectInputs(program.args, cwd);
  // Inputs an earlier run read the same way are likely unchanged and not read again (a pool
  // would take longer to start than the few others take to read).
  const earlier = await earlierReadingsOf(deps, filing.edition);
  const workers = workersFor(inputs.filter((input) => !earlier.get(input.key)?.current).length);
  // After a pool's many reads, compiled in a fresh thread (setup/compile-thread.ts says why),
  // which sets up while the files are read.
  const compileThread = workers > 0 ? startCompileThread(config, storeDir) : null;
  let model: BriefModel;
  let outcomes: InputOutcome[];
  try {
    outcomes = await ingestAll(deps, config, { inputs, earlier }, filing, workers);
    printIngestOutcomes(outcomes);
    timing('ingest');
    ({ model } = compileThread
      ? await compileThread.compile(filing.edition, { force: true })
      : await compile(deps, filing.edition, { force: true }));
    timing('compile');
  } catch (error) {
    await compileThread?.close();
    throw error;
  }
  if (model.articles.length === 0) {
    console.error(
      `No brief for ${filing.edition}: none of the ${inputs.length} inputs could be used.`,
    );
    return 1;
  }
  const outDir = resolve(cwd, options.out);
  const files = await writeBriefFiles(deps, filing.edition, outDir);
  // Each run leaves a build in the store; those replaced over an hour ago go.
  await pruneBuilds(deps.store, filing.edition, deps.clock()).catch((error: unknown) =>
    console.error(`warning: old builds were not removed: ${(error as Error).message}`),
  );
  const ingested = outcomes.filter((outcome) => outcome.status === 'ingested');
  const unchanged = ingested.filter((outcome) => outcome.unchanged).length;
  const reread = ingested.filter((outcome) => outcome.reread).length;
  const fresh = [
    `${ingested.length - unchanged - reread} new`,
    ...(unchanged ? [`${unchanged} unchanged since an earlier run`] : []),
    ...(reread ? [`${reread} read again: the program, its data or your files changed`] : []),
  ].join(', ');
  const offTopic = model.offTopic?.length ? `, ${model.offTopic.length} off-topic` : '';
  console.log(
    `Brief for ${filing.edition}: ${model.articles.length} articles (${fresh}), ${model.rejected.length} rejected${offTopic}.`,
  );
  for (const entry of model.offTopic ?? [])
    console.log(`not included ${entry.key}: ${entry.reason}`);
  for (const file of files) console.log(`  ${file}`);
  if (!options.mailTo && !options.recipients) return 0;
  return mailBrief(deps, model, options, { cwd, outDir });
}

/**
 * With BRIEF_CLI_TIMINGS set, says on stderr how long each phase took since the previous one
 * (`timing ingest 812 ms`) and, at exit, the process's peak memory (`maxrss-kb …`): what
 * `npm run bench` reads.
 */
function phaseTimer(enabled: boolean): (phase: string) => void {
  if (!enabled) return () => {};
  process.once('exit', () => console.error(`maxrss-kb ${peakRssKb()}`));
  let last = performance.now();
  return (phase) => {
    const now = performance.now();
    console.error(`timing ${phase} ${(now - last).toFixed(0)} ms`);
    last = now;
  };
}

function cliProgram(settings: CliSettings): Command {
  return new Command('brief')
    .description(
      'Builds the daily diplomatic brief (HTML, PDF, JSON) from article files and folders.',
    )
    .argument('<inputs...>', 'article files or folders (read recursively)')
    .option('--out <dir>', 'where brief.html, brief.pdf and brief.json are written', 'out')
    .option('--store <dir>', 'the local store, a folder laid out like the bucket', '.brief-store')
    .option(
      '--edition <YYYY-MM-DD>',
      'the edition to file the articles under and compile',
      parseEdition,
    )
    .option('--actors <file>', 'your own actor gazetteer (YAML), applied over ours')
    .option('--themes <file>', 'your own theme taxonomy (YAML), applied over ours')
    .option('--templates <dir>', 'your own Handlebars templates folder')
    .option('--config <file>', 'brief options (YAML/JSON), e.g. brief.config.yaml')
    .option('--mail-to <addresses>', 'write the e-mail as out/brief.eml (comma-separated To)')
    .option('--recipients <file>', 'distribution lists (YAML/JSON): one .eml per list')
    .option('--mail-from <address>', 'sender of the e-mail', settings.mailFrom)
    .option('--smtp <url>', 'also send it through this SMTP server', settings.smtpUrl)
    .option('--resend', 'send again to lists that already received this edition')
    .exitOverride()
    .configureOutput({ writeErr: (text) => process.stderr.write(text) });
}

/** The project folder when this file runs from source: the data files, templates and fonts. */
const sourceRoot = resolve(__dirname, '..', '..');

/** The command line's data files (ours under `root`) and options. */
function localConfig(options: CliOptions, cwd: string, root: string): RuntimeConfig {
  return configForCli({
    root,
    actorsFile: options.actors && resolve(cwd, options.actors),
    themesFile: options.themes && resolve(cwd, options.themes),
    templatesDir: options.templates && resolve(cwd, options.templates),
    configFile: options.config && resolve(cwd, options.config),
  });
}

/** Today's edition unless one is given; files given for a past edition count as received at the end of that day. */
function filingOf(options: CliOptions, deps: PipelineDeps): Filing {
  const now = deps.clock();
  const edition = options.edition ?? editionOf(now, deps.settings.timeZone);
  const endOfEdition = new Date(`${edition}T23:59:59Z`);
  return {
    edition,
    receivedAt: endOfEdition < now ? endOfEdition : now,
    sequencer: runSequencer(now),
  };
}

/**
 * Ingests the inputs, several at a time, read by a pool of `workers` threads (`workersFor`;
 * BRIEF_INGEST_WORKERS sets the size; 0: no pool).
 */
async function ingestAll(
  deps: PipelineDeps,
  config: RuntimeConfig,
  { inputs, earlier }: { inputs: InputFile[]; earlier: Map<string, EarlierReading> },
  filing: Filing,
  workers: number,
): Promise<InputOutcome[]> {
  const progress = makeProgress(inputs.length);
  const pool = workers > 0 ? makePipelineArticlePool(config, deps, workers) : null;
  try {
    return await ingestInputs(deps, inputs, filing, {
      earlier,
      read: pool?.read,
      inFlight: inputsInFlight(workers + 1),
      progress,
    });
  } finally {
    progress.stop();
    await pool?.close();
  }
}

/**
 * The pool's workers for a run that reads `inputs` files: none for fewer than 16, read in this
 * thread (a worker takes longer to start than they to read).
 */
function workersFor(inputs: number): number {
  return inputs >= 16 ? articlePoolSize() : 0;
}

function printIngestOutcomes(outcomes: IngestOutcome[]): void {
  for (const outcome of outcomes) {
    // Reasons start with the key they are about ("incoming/a.jpg: .jpg files are not supported…").
    if (outcome.status === 'rejected') console.log(`rejected ${outcome.reason}`);
    if (outcome.status === 'duplicate')
      console.log(`duplicate ${outcome.key}: same text as ${outcome.original}`);
  }
}

/** Copies the edition's brief from the store to `outDir`; returns the files written. */
async function writeBriefFiles(
  deps: PipelineDeps,
  edition: string,
  outDir: string,
): Promise<string[]> {
  await mkdir(outDir, { recursive: true });
  // Through the manifest: the three files of one build, whatever the copies say.
  const keys = (await publishedBriefKeys(deps.store, edition))?.keys ?? briefKeys(edition);
  const files = { 'brief.html': keys.html, 'brief.pdf': keys.pdf, 'brief.json': keys.json };
  for (const [name, key] of Object.entries(files)) {
    const bytes = await deps.store.get(key);
    if (bytes) await writeFile(join(outDir, name), bytes);
  }
  return Object.keys(files).map((name) => join(outDir, name));
}

/** Writes the e-mail(s) beside the brief and sends them when SMTP is given; 3 when a send failed. */
async function mailBrief(
  deps: PipelineDeps,
  model: BriefModel,
  options: CliOptions,
  where: { cwd: string; outDir: string },
): Promise<number> {
  const mail = await deliverLocally(deps, model, {
    mailTo: options.mailTo,
    recipientsFile: options.recipients && resolve(where.cwd, options.recipients),
    from: options.mailFrom,
    smtpUrl: options.smtp,
    resend: options.resend,
    outDir: where.outDir,
  });
  for (const file of mail.files) console.log(`  ${file}`);
  for (const list of mail.report.lists) {
    if (list.status === 'sent') console.log(`sent to list ${list.list} (${list.recipients})`);
    if (list.status === 'already-sent')
      console.log(`list ${list.list} already received ${model.edition}; --resend to send again`);
    if (list.status === 'failed') console.error(`not sent to list ${list.list}: ${list.error}`);
  }
  return mail.report.failures.length > 0 ? 3 : 0;
}

function parseEdition(value: string): string {
  if (!isEdition(value)) throw new InvalidArgumentError('expected a date as YYYY-MM-DD');
  return value;
}

/**
 * Runs the command line in this process: `npm run brief` calls it from the bundle
 * infra/run-cli.cjs builds, with the project folder as `root`, wherever the user runs it from.
 */
export function main(root = sourceRoot, codeKey?: string): void {
  const settings = { ...cliSettingsFromEnv(), ...(codeKey ? { codeKey } : {}) };
  runCli(process.argv.slice(2), settings.cwd, settings, root).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(error instanceof BriefError ? `error: ${error.message}` : error);
      process.exitCode = 2;
    },
  );
}

if (require.main === module) main();
