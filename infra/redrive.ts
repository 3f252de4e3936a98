/**
 * `npm run redrive -- --stage prod [--region eu-west-1] [--dry-run] [--max 100]`: replays the
 * failure queue. Each message there is what Lambda's on-failure destination wrote when an
 * ingest or compile invocation failed after its two retries: the function's ARN
 * (`requestContext.functionArn`) and the original event (`requestPayload`). Each is invoked
 * again, asynchronously (so retries and the failure queue apply again), and deleted from the
 * queue once Lambda has accepted the invocation; a message that cannot be replayed stays.
 * `--dry-run` lists what would be replayed and leaves the queue as it was.
 *
 * `npm run redrive -- --local [--dir .dev-s3-failures]`: the same for `npm run dev`, whose
 * failed ingests are kept as files in the failures folder: each event is given to the ingest
 * handler against the running local server, the edition's draft is rebuilt, and the file is
 * moved to `replayed/` beside it.
 *
 * Needs credentials that may receive and delete messages of the queue
 * (`sqs:ReceiveMessage`, `sqs:DeleteMessage`, `sqs:ChangeMessageVisibility`,
 * `sqs:GetQueueUrl`) and invoke the functions (`lambda:InvokeFunction`).
 */
import { mkdir, readdir, readFile, rename } from 'node:fs/promises';
import path from 'node:path';
import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import {
  ChangeMessageVisibilityCommand,
  DeleteMessageCommand,
  GetQueueUrlCommand,
  ReceiveMessageCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import { Command } from 'commander';

/** The body Lambda's on-failure destination sends for an asynchronous invocation. */
export interface FailureRecord {
  requestContext?: { functionArn?: string; condition?: string; approximateInvokeCount?: number };
  requestPayload?: unknown;
  responsePayload?: { errorType?: string; errorMessage?: string };
}

export interface RedriveOptions {
  queueUrl: string;
  dryRun?: boolean;
  /** Stop after this many messages (default: until the queue is empty). */
  max?: number;
}

export interface RedriveReport {
  replayed: number;
  /** Messages left in the queue: unreadable, or their invocation was refused. */
  kept: number;
  /** Dry run: the messages that would have been replayed. */
  listed: number;
}

/** The failure queue's URL: `<service>-<stage>-failures`, as infra/failures.yml names it. */
export async function failureQueueUrl(
  sqs: SQSClient,
  stage: string,
  service = 'daily-brief',
): Promise<string> {
  const out = await sqs.send(new GetQueueUrlCommand({ QueueName: `${service}-${stage}-failures` }));
  if (!out.QueueUrl) throw new Error(`no queue ${service}-${stage}-failures`);
  return out.QueueUrl;
}

/** Replays the queue's messages (see the file comment); returns what it did. */
export async function redrive(
  clients: { sqs: SQSClient; lambda: LambdaClient },
  options: RedriveOptions,
  log: (line: string) => void = () => {},
): Promise<RedriveReport> {
  const report: RedriveReport = { replayed: 0, kept: 0, listed: 0 };
  const max = options.max ?? Number.POSITIVE_INFINITY;
  let seen = 0;
  while (seen < max) {
    const out = await clients.sqs.send(
      new ReceiveMessageCommand({
        QueueUrl: options.queueUrl,
        MaxNumberOfMessages: Math.min(10, max - seen),
        WaitTimeSeconds: 1,
        // Long enough to invoke and delete; a message that fails comes back after it.
        VisibilityTimeout: 120,
      }),
    );
    const received = out.Messages ?? [];
    if (received.length === 0) break;
    const messages = received.slice(0, max - seen);
    // Past --max: handed straight back to the queue.
    for (const extra of received.slice(messages.length))
      await clients.sqs.send(
        new ChangeMessageVisibilityCommand({
          QueueUrl: options.queueUrl,
          ReceiptHandle: extra.ReceiptHandle as string,
          VisibilityTimeout: 0,
        }),
      );
    for (const message of messages) {
      seen++;
      const receipt = message.ReceiptHandle as string;
      const failure = parse(message.Body);
      const functionArn = failure?.requestContext?.functionArn;
      if (!failure || !functionArn || failure.requestPayload === undefined) {
        log(`kept ${message.MessageId}: not a Lambda failure record`);
        report.kept++;
        continue;
      }
      const what = `${functionName(functionArn)} (${failure.responsePayload?.errorMessage ?? 'no error message'})`;
      if (options.dryRun) {
        log(`would replay ${message.MessageId}: ${what}`);
        report.listed++;
        await clients.sqs.send(
          new ChangeMessageVisibilityCommand({
            QueueUrl: options.queueUrl,
            ReceiptHandle: receipt,
            VisibilityTimeout: 0,
          }),
        );
        continue;
      }
      try {
        const invoked = await clients.lambda.send(
          new InvokeCommand({
            FunctionName: functionArn,
            InvocationType: 'Event',
            Payload: Buffer.from(JSON.stringify(failure.requestPayload)),
          }),
        );
        if (invoked.StatusCode !== 202) throw new Error(`Lambda answered ${invoked.StatusCode}`);
      } catch (error) {
        log(`kept ${message.MessageId}: ${what}: ${(error as Error).message}`);
        report.kept++;
        continue;
      }
      await clients.sqs.send(
        new DeleteMessageCommand({ QueueUrl: options.queueUrl, ReceiptHandle: receipt }),
      );
      log(`replayed ${message.MessageId}: ${what}`);
      report.replayed++;
    }
  }
  return report;
}

/** The function's name in an ARN such as `arn:aws:lambda:…:function:daily-brief-prod-ingest:$LATEST`. */
export function functionName(arn: string): string {
  const parts = arn.split(':');
  const at = parts.indexOf('function');
  return at >= 0 ? (parts[at + 1] ?? arn) : arn;
}

function parse(body: string | undefined): FailureRecord | null {
  try {
    const value = JSON.parse(body ?? '') as FailureRecord;
    return typeof value === 'object' && value !== null ? value : null;
  } catch {
    return null;
  }
}

/**
 * The local loop's failures (files written by `npm run dev`): each event is given to the
 * ingest handler against the local server, then the edition's draft is rebuilt.
 */
export async function redriveLocal(
  dir: string,
  handlers: {
    ingest: (event: unknown) => Promise<{ status: string; edition?: string }[]>;
    compile: (event: { schedule: 'draft'; edition: string }) => Promise<unknown>;
  },
  log: (line: string) => void = () => {},
): Promise<RedriveReport> {
  const report: RedriveReport = { replayed: 0, kept: 0, listed: 0 };
  const names = (await readdir(dir).catch(() => [] as string[])).filter((n) => n.endsWith('.json'));
  const editions = new Set<string>();
  for (const name of names.sort()) {
    const file = path.join(dir, name);
    const failure = parse(await readFile(file, 'utf8'));
    if (!failure?.requestPayload) {
      log(`kept ${name}: not a failure record`);
      report.kept++;
      continue;
    }
    try {
      for (const outcome of await handlers.ingest(failure.requestPayload))
        if (outcome.edition) editions.add(outcome.edition);
    } catch (error) {
      log(`kept ${name}: ${(error as Error).message}`);
      report.kept++;
      continue;
    }
    await mkdir(path.join(dir, 'replayed'), { recursive: true });
    await rename(file, path.join(dir, 'replayed', name));
    log(`replayed ${name}`);
    report.replayed++;
  }
  for (const edition of editions) await handlers.compile({ schedule: 'draft', edition });
  return report;
}

async function main(argv: string[]): Promise<number> {
  const program = new Command('npm run redrive --')
    .description('replay the failure queue: invoke each failed event again, then delete it')
    .option('--stage <stage>', 'the stage whose queue to replay (daily-brief-<stage>-failures)')
    .option('--region <region>', 'AWS region', process.env.AWS_REGION ?? 'eu-west-1')
    .option('--dry-run', 'list what would be replayed; change nothing')
    .option('--max <n>', 'replay at most this many messages', (v) => Number.parseInt(v, 10))
    .option('--local', 'replay the failures of npm run dev instead')
    .option('--dir <dir>', 'the failures folder of npm run dev', '.dev-s3-failures')
    .exitOverride();
  program.parse(argv, { from: 'user' });
  const options = program.opts<{
    stage?: string;
    region: string;
    dryRun?: boolean;
    max?: number;
    local?: boolean;
    dir: string;
  }>();
  const say = (line: string) => process.stdout.write(`${line}\n`);
  if (options.local) {
    const port = process.env.BRIEF_DEV_PORT ?? '4569';
    Object.assign(process.env, {
      BRIEF_BUCKET: process.env.BRIEF_BUCKET || 'daily-brief-local',
      S3_ENDPOINT: process.env.S3_ENDPOINT ?? `http://127.0.0.1:${port}`,
      AWS_ACCESS_KEY_ID: process.env.AWS_ACCESS_KEY_ID ?? 'S3RVER',
      AWS_SECRET_ACCESS_KEY: process.env.AWS_SECRET_ACCESS_KEY ?? 'S3RVER',
      AWS_REGION: process.env.AWS_REGION ?? 'us-east-1',
      BRIEF_LOG: process.env.BRIEF_LOG ?? 'warn',
    });
    // As `npm run dev` ingests: every format in this process (no documents function here).
    const { makeIngestHandler } = await import('../functions/handlers/ingest');
    const { configFromEnv, storeSettingsFromEnv } = await import('../functions/setup/config');
    const { makeDeps } = await import('../functions/setup/make-deps');
    const { makeBucketStore } = await import('../functions/setup/make-store');
    const ingest = makeIngestHandler(
      makeDeps(configFromEnv(), makeBucketStore(storeSettingsFromEnv())),
    );
    const { handler: compile } = await import('../functions/handlers/compile');
    const report = await redriveLocal(
      path.resolve(options.dir),
      { ingest: (event) => ingest(event as never), compile: (event) => compile(event) },
      say,
    );
    say(`${report.replayed} replayed, ${report.kept} kept`);
    return report.kept > 0 ? 1 : 0;
  }
  if (!options.stage) throw new Error('--stage is required (or --local)');
  const sqs = new SQSClient({ region: options.region });
  const lambda = new LambdaClient({ region: options.region });
  try {
    const queueUrl = await failureQueueUrl(sqs, options.stage);
    const report = await redrive(
      { sqs, lambda },
      { queueUrl, dryRun: options.dryRun, max: options.max },
      say,
    );
    say(
      options.dryRun
        ? `${report.listed} would be replayed, ${report.kept} are not failure records`
        : `${report.replayed} replayed, ${report.kept} kept in ${queueUrl}`,
    );
    return report.kept > 0 ? 1 : 0;
  } finally {
    sqs.destroy();
    lambda.destroy();
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`npm run redrive: ${(error as Error).message}\n`);
      process.exitCode = 2;
    },
  );
}
