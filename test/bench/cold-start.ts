/**
 * Cold starts of the packaged Lambda functions, printed by `npm run bench`: packages the
 * service (`npm run package` into a temporary folder), prints each function's zip and bundle
 * size, and runs each bundled handler from its unzipped package in fresh `node` processes, as
 * the Lambda runtime would after a cold start: the time to `require` it, the time to handle
 * one event against a local S3 (s3rver), and the process's peak RSS. Ingest handles a text
 * upload and hands a PDF upload over (to Lambda's Invoke API on loopback); the documents
 * function reads that PDF; compile builds a small edition, and a 2,000-article one for the peak
 * memory that sizes the function (serverless.yml `memorySize`). Medians of several processes.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateBucketCommand, type S3Client } from '@aws-sdk/client-s3';
import type { ArticleRecord } from '../../functions/model/types';
import type { ReferenceData } from '../../functions/reference/reference-data';
import { articleKey } from '../../functions/store/bucket-layout';
import { makeS3Client } from '../../functions/store/s3-client';
import { S3Store } from '../../functions/store/s3-store';
import { packagedHandlerEnv, s3rverCredentials } from '../helpers/lambda-env';
import { startLambdaServer } from '../helpers/lambda-server';
import { recordsOfUploads } from '../helpers/parse';
import { syntheticArticles } from './synthetic-articles';

const edition = '2026-11-22';
const eventTime = '2026-11-22T07:15:00.000Z';
const credentials = s3rverCredentials;
const documentsFunction = 'bench-ingestDocuments';
/** The packaged functions and their bundled handlers. */
const handlerFiles = {
  ingest: 'functions/handlers/ingest.js',
  ingestDocuments: 'functions/handlers/ingest-documents.js',
  compile: 'functions/handlers/compile.js',
} as const;

/** What one fresh process measured (the child script below prints it as JSON). */
interface ColdRun {
  importMs: number;
  handleMs: number;
  /** CPU time (user + system) of the import, and of import + handling (Node's own start-up left out): steadier than wall time on a shared machine. */
  importCpuMs: number;
  cpuMs: number;
  peakMb: number;
  status: string;
}

/** Required in the task root: import, then one event, timed; prints a ColdRun. */
const childScript = `
const startCpu = process.cpuUsage();
const start = performance.now();
const { handler } = require(process.argv[1]);
const imported = performance.now();
const importCpu = process.cpuUsage(startCpu);
handler(JSON.parse(process.argv[2])).then((result) => {
  const handled = performance.now();
  const cpu = process.cpuUsage(startCpu);
  const outcome = Array.isArray(result) ? result[0] : result;
  process.stdout.write(JSON.stringify({
    importMs: imported - start,
    handleMs: handled - imported,
    importCpuMs: (importCpu.user + importCpu.system) / 1000,
    cpuMs: (cpu.user + cpu.system) / 1000,
    // VmHWM, this process's own peak (setup/peak-memory.ts: maxRSS keeps the parent's).
    peakMb: Number(/^VmHWM:\\s+(\\d+) kB$/m.exec(require('node:fs').readFileSync('/proc/self/status', 'utf8'))[1]) / 1024,
    status: outcome && outcome.status,
  }));
}, (error) => { console.error(error); process.exit(1); });
`;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] ?? Number.NaN)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;

function folderBytes(dir: string): number {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .reduce((sum, entry) => sum + statSync(join(entry.parentPath, entry.name)).size, 0);
}

function runChild(taskRoot: string, handlerFile: string, event: unknown, env: NodeJS.ProcessEnv) {
  return new Promise<ColdRun>((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['-e', childScript, join(taskRoot, handlerFile), JSON.stringify(event)],
      { cwd: taskRoot, env, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
    });
    child.stderr.on('data', (chunk) => {
      err += chunk;
    });
    child.on('close', (code) => {
      if (code === 0) resolve(JSON.parse(out) as ColdRun);
      else reject(new Error(`${handlerFile} exited with ${code}:\n${err}`));
    });
  });
}

/**
 * s3rver in a child process: Node 20's OpenSSL refuses the DES cipher s3rver's continuation
 * tokens use unless its legacy provider is on, so listing more than 1,000 keys fails in this
 * process (the 2,000-article compile lists 2,000 records).
 */
function startS3rver(
  root: string,
  directory: string,
): Promise<{ child: ChildProcess; port: number }> {
  const script = `const S3rver = require('s3rver');
new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory: process.argv[1] })
  .run().then((address) => console.log(address.port));`;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--openssl-legacy-provider', '-e', script, directory], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    child.stdout?.once('data', (chunk) => resolve({ child, port: Number(String(chunk).trim()) }));
    child.once('exit', (code) => reject(new Error(`s3rver exited with ${code}`)));
  });
}

function s3Event(key: string) {
  return { Records: [{ eventTime, s3: { object: { key } } }] };
}

async function makeBucket(client: S3Client, name: string): Promise<S3Store> {
  await client.send(new CreateBucketCommand({ Bucket: name }));
  return new S3Store({ client, bucket: name });
}

function summary(label: string, runs: ColdRun[]): string {
  const statuses = [...new Set(runs.map((run) => run.status))].join('/');
  const ms = (pick: (run: ColdRun) => number) =>
    `${median(runs.map(pick)).toFixed(0).padStart(5)} ms`;
  const peak = median(runs.map((run) => run.peakMb)).toFixed(0);
  const maxPeak = Math.max(...runs.map((run) => run.peakMb)).toFixed(0);
  return `  ${label.padEnd(36)} import ${ms((r) => r.importMs)} (CPU ${ms((r) => r.importCpuMs)}), handle ${ms((r) => r.handleMs)}, CPU in all ${ms((r) => r.cpuMs)}, peak ${peak} MB (max ${maxPeak}) [${statuses}, median of ${runs.length}]`;
}

/**
 * Packages, then times fresh processes of each packaged handler. `runs` processes per case
 * (medians); the 2,000-article compile runs three times, for its peak memory.
 */
export async function benchColdStart(
  root: string,
  reference: ReferenceData,
  runs = 5,
): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'brief-cold-start-'));
  let server: ChildProcess | undefined;
  let lambda: Awaited<ReturnType<typeof startLambdaServer>> | undefined;
  try {
    const packageDir = join(work, 'package');
    execFileSync('bash', [join(root, 'infra', 'package.sh'), '--package', packageDir], {
      cwd: root,
      stdio: 'ignore',
      timeout: 180_000,
    });
    const roots: Record<string, string> = {};
    for (const [name, handler] of Object.entries(handlerFiles)) {
      const zip = join(packageDir, `${name}.zip`);
      const taskRoot = join(work, name);
      execFileSync('unzip', ['-q', zip, '-d', taskRoot]);
      roots[name] = taskRoot;
      const bundle = statSync(join(taskRoot, handler)).size;
      console.log(
        `package ${name}: ${mb(statSync(zip).size)} zipped (${statSync(zip).size.toLocaleString('en-US')} bytes), ${mb(folderBytes(taskRoot))} unzipped (bundle ${mb(bundle)})`,
      );
    }

    const started = await startS3rver(root, join(work, 's3rver'));
    server = started.child;
    const { port } = started;
    const endpoint = `http://127.0.0.1:${port}`;
    const client = makeS3Client({ endpoint, region: 'us-east-1', credentials });
    // Takes the ingest function's hand-overs, so that handing over is timed; runs nothing.
    lambda = await startLambdaServer({ [documentsFunction]: async () => [] });
    const lambdaEndpoint = lambda.endpoint;
    const envOf = (taskRoot: string, bucket: string) => ({
      ...packagedHandlerEnv(taskRoot, bucket, endpoint),
      BRIEF_DOCUMENTS_FUNCTION: documentsFunction,
      AWS_ENDPOINT_URL_LAMBDA: lambdaEndpoint,
    });

    // Ingest: each process gets a bucket of its own, holding the upload, so every run
    // ingests (a repeated upload would be a duplicate).
    const text = readFileSync(join(root, 'test', 'fixtures', 'seeds', '000_4c66cd66b4ac9d7a.txt'));
    const pdf = readFileSync(join(root, 'test', 'fixtures', 'formats', 'statement.pdf'));
    let bucketNumber = 0;
    const ingestRuns = async (
      name: 'ingest' | 'ingestDocuments',
      key: string,
      bytes: Uint8Array,
    ) => {
      const taskRoot = roots[name] as string;
      const results: ColdRun[] = [];
      for (let i = 0; i < runs; i++) {
        const bucket = `bench-ingest-${bucketNumber++}`;
        await (await makeBucket(client, bucket)).put(key, bytes);
        results.push(
          await runChild(taskRoot, handlerFiles[name], s3Event(key), envOf(taskRoot, bucket)),
        );
      }
      return results;
    };
    console.log('cold start, fresh node process per run (require the bundle, then one event):');
    const textRuns = await ingestRuns('ingest', 'incoming/seed.txt', text);
    console.log(summary('ingest, a text upload (2.6 KB)', textRuns));
    const handOverRuns = await ingestRuns('ingest', 'incoming/statement.pdf', pdf);
    console.log(summary('ingest, a PDF upload handed over to ingestDocuments', handOverRuns));
    const pdfRuns = await ingestRuns('ingestDocuments', 'incoming/statement.pdf', pdf);
    console.log(summary('ingestDocuments, that PDF upload', pdfRuns));

    // Compile: editions of article records written as ingest writes them.
    const compileRoot = roots.compile as string;
    const records = (uploads: { name: string; body: string }[]): ArticleRecord[] =>
      recordsOfUploads(uploads, {
        edition,
        receivedAt: new Date(eventTime),
        reference,
        minWords: 30,
      });
    const compileRuns = async (label: string, articles: ArticleRecord[], times: number) => {
      const bucket = `bench-compile-${bucketNumber++}`;
      const store = await makeBucket(client, bucket);
      for (let i = 0; i < articles.length; i += 50)
        await Promise.all(
          articles
            .slice(i, i + 50)
            .map((record) =>
              store.put(articleKey(edition, record.id), JSON.stringify(record, null, 2)),
            ),
        );
      const results: ColdRun[] = [];
      for (let i = 0; i < times; i++)
        results.push(
          await runChild(
            compileRoot,
            handlerFiles.compile,
            { edition, force: true },
            envOf(compileRoot, bucket),
          ),
        );
      console.log(summary(label, results));
      return results;
    };
    const uploads = syntheticArticles(2000, edition);
    await compileRuns('compile, an edition of 20 articles', records(uploads.slice(0, 20)), runs);
    const large = await compileRuns('compile, an edition of 2,000', records(uploads), 3);
    const peak = Math.max(...large.map((run) => run.peakMb), ...pdfRuns.map((run) => run.peakMb));
    console.log(
      `  peak RSS × 1.5 (the memorySize rule in serverless.yml): ingest ${(Math.max(...textRuns.map((r) => r.peakMb), ...handOverRuns.map((r) => r.peakMb)) * 1.5).toFixed(0)} MB, ingestDocuments ${(Math.max(...pdfRuns.map((r) => r.peakMb)) * 1.5).toFixed(0)} MB, compile ${(Math.max(...large.map((r) => r.peakMb)) * 1.5).toFixed(0)} MB (largest peak seen ${peak.toFixed(0)} MB)`,
    );
    client.destroy();
  } finally {
    await lambda?.close();
    server?.kill();
    rmSync(work, { recursive: true, force: true });
  }
}
