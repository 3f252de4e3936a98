import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { deliverLocally } from '../delivery/local-delivery';
import { editionOf, isEdition } from '../model/edition';
import { BriefError } from '../model/errors';
import { compile } from '../pipeline/compile';
import { type IngestOutcome, ingest } from '../pipeline/ingest';
import { configFromEnv } from '../setup/config';
import { makeDeps } from '../setup/make-deps';
import { briefKeys, uploadName } from '../store/bucket-layout';
import { FsStore } from '../store/fs-store';
import { collectInputs } from './collect-inputs';
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

/** `npm run brief -- <files or folders…>`: ingest into the local store, compile, write the brief. */
export async function runCli(argv: string[], cwd: string): Promise<number> {
  const program = new Command('brief')
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
    .option(
      '--mail-from <address>',
      'sender of the e-mail',
      process.env.BRIEF_MAIL_FROM || 'Daily Brief <brief@localhost.localdomain>',
    )
    .option('--smtp <url>', 'also send it through this SMTP server', process.env.BRIEF_SMTP_URL)
    .option('--resend', 'send again to lists that already received this edition')
    .exitOverride()
    .configureOutput({ writeErr: (text) => process.stderr.write(text) });
  try {
    program.parse(argv, { from: 'user' });
  } catch (error) {
    return (error as { exitCode?: number }).exitCode ?? 2;
  }
  const options = program.opts<CliOptions>();
  const config = configFromEnv({
    // The data files, templates and fonts sit beside this file, wherever the user runs it from.
    BRIEF_ROOT: resolve(__dirname, '..', '..'),
    ...process.env,
    ...(options.actors ? { BRIEF_ACTORS_FILE: resolve(cwd, options.actors) } : {}),
    ...(options.themes ? { BRIEF_THEMES_FILE: resolve(cwd, options.themes) } : {}),
    ...(options.templates ? { BRIEF_TEMPLATES_DIR: resolve(cwd, options.templates) } : {}),
    ...(options.config ? { BRIEF_CONFIG_FILE: resolve(cwd, options.config) } : {}),
  });
  const store = new FsStore(resolve(cwd, options.store));
  const deps = makeDeps(config, store);
  const now = deps.clock();
  const edition = options.edition ?? editionOf(now, config.settings.timeZone);
  // Files given for a past edition count as received at the end of that day.
  const endOfEdition = new Date(`${edition}T23:59:59Z`);
  const receivedAt = endOfEdition < now ? endOfEdition : now;

  const inputs = await collectInputs(program.args, cwd);
  const progress = makeProgress(inputs.length);
  const outcomes: IngestOutcome[] = [];
  for (const input of inputs) {
    const bytes = await readFile(input.path);
    const existing = await store.get(input.key);
    if (!existing || Buffer.compare(Buffer.from(existing), bytes) !== 0)
      await store.put(input.key, bytes);
    outcomes.push(await ingest(deps, input.key, { receivedAt, edition }));
    progress.tick(uploadName(input.key));
  }
  progress.stop();
  for (const outcome of outcomes) {
    // Reasons start with the key they are about ("incoming/a.jpg: .jpg files are not supported…").
    if (outcome.status === 'rejected') console.log(`rejected ${outcome.reason}`);
    if (outcome.status === 'duplicate')
      console.log(`duplicate ${outcome.key}: same text as ${outcome.original}`);
  }

  const { model } = await compile(deps, edition, { force: true });
  if (model.articles.length === 0) {
    console.error(`No brief for ${edition}: none of the ${inputs.length} inputs could be used.`);
    return 1;
  }
  const outDir = resolve(cwd, options.out);
  await mkdir(outDir, { recursive: true });
  const keys = briefKeys(edition);
  const files = {
    'brief.html': keys.html,
    'brief.pdf': keys.pdf,
    'brief.json': keys.json,
  };
  for (const [name, key] of Object.entries(files)) {
    const bytes = await store.get(key);
    if (bytes) await writeFile(join(outDir, name), bytes);
  }
  const ingested = outcomes.filter((outcome) => outcome.status === 'ingested').length;
  console.log(
    `Brief for ${edition}: ${model.articles.length} articles (${ingested} new), ${model.rejected.length} rejected.`,
  );
  for (const name of Object.keys(files)) console.log(`  ${join(outDir, name)}`);
  if (!options.mailTo && !options.recipients) return 0;
  const mail = await deliverLocally(deps, model, {
    mailTo: options.mailTo,
    recipientsFile: options.recipients && resolve(cwd, options.recipients),
    from: options.mailFrom,
    smtpUrl: options.smtp,
    resend: options.resend,
    outDir,
  });
  for (const file of mail.files) console.log(`  ${file}`);
  for (const list of mail.report.lists) {
    if (list.status === 'sent') console.log(`sent to list ${list.list} (${list.recipients})`);
    if (list.status === 'already-sent')
      console.log(`list ${list.list} already received ${edition}; --resend to send again`);
    if (list.status === 'failed') console.error(`not sent to list ${list.list}: ${list.error}`);
  }
  return mail.report.failures.length > 0 ? 3 : 0;
}

function parseEdition(value: string): string {
  if (!isEdition(value)) throw new InvalidArgumentError('expected a date as YYYY-MM-DD');
  return value;
}

// `npm run` starts in the package folder; INIT_CWD is where the user typed the command.
if (require.main === module) {
  runCli(process.argv.slice(2), process.env.INIT_CWD ?? process.cwd()).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(error instanceof BriefError ? `error: ${error.message}` : error);
      process.exitCode = 2;
    },
  );
}
