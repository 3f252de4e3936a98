/**
 * Compiles an edition of a folder store in a worker thread of its own: what the CLI does after
 * ingesting many files. The thread that has just read a thousand uploads builds their brief
 * markedly slower than a fresh one (the 1,000-article desk folder of `npm run bench`: 8.5 s
 * against 6.3 s, back to back on a busy machine; 7.1 s in the CLI against 3.8 s in a fresh
 * process, idle). The cause is in V8's state after the reads, not found in our code; a thread
 * starts in well under a second.
 */
import { extname, join } from 'node:path';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { BriefError, ConfigError, StoreError } from '../model/errors';
import { type CompileOptions, type CompileOutcome, compile } from '../pipeline/compile';
import type { RuntimeConfig } from './config';
import { localDeps } from './local-deps';
import { startWorker } from './start-worker';

interface CompileThreadData {
  /** This module's file: how the thread knows it was started to compile. */
  workerFile: string;
  config: RuntimeConfig;
  storeDir: string;
  edition: string;
  options: CompileOptions;
}

/** What the thread answers: the outcome, or the error (its class by name, for the message a user reads). */
type CompileAnswer = { outcome: CompileOutcome } | { error: { name: string; message: string } };

/** `compile` of the folder store at `storeDir`, run in a new thread; its warnings go to stderr. */
export function compileInThread(
  config: RuntimeConfig,
  storeDir: string,
  edition: string,
  options: CompileOptions = {},
): Promise<CompileOutcome> {
  const workerFile = join(__dirname, `compile-thread${extname(__filename)}`);
  const data: CompileThreadData = { workerFile, config, storeDir, edition, options };
  const worker = startWorker(workerFile, data);
  return new Promise((resolve, reject) => {
    let answer: CompileAnswer | undefined;
    let failure: unknown;
    worker.on('message', (message: CompileAnswer) => {
      answer = message;
    });
    worker.on('error', (error) => {
      failure = error;
    });
    // Settled on exit, once the thread's output on stderr has been passed on.
    worker.on('exit', (code) => {
      if (answer && 'outcome' in answer) resolve(answer.outcome);
      else if (answer) reject(errorOf(answer.error));
      else reject(failure ?? new Error(`the compile thread stopped (exit code ${code})`));
    });
  });
}

/** The thread's error again as the class a user's message depends on (`error: …` for ours). */
function errorOf({ name, message }: { name: string; message: string }): Error {
  const ours = [ConfigError, StoreError, BriefError].find((type) => type.name === name);
  if (ours) return new ours(message);
  const error = new Error(message);
  error.name = name;
  return error;
}

async function serveCompile(data: CompileThreadData): Promise<CompileAnswer> {
  try {
    const deps = localDeps(data.config, data.storeDir);
    return { outcome: await compile(deps, data.edition, data.options) };
  } catch (error) {
    const { name, message } = error instanceof Error ? error : new Error(String(error));
    return { error: { name, message } };
  }
}

if (!isMainThread && (workerData as CompileThreadData | undefined)?.workerFile === __filename)
  serveCompile(workerData as CompileThreadData).then((answer) => parentPort?.postMessage(answer));
