/**
 * Compiles an edition of a folder store in a worker thread of its own: what the CLI does after
 * ingesting many files. The thread that has just read a thousand uploads builds their brief
 * markedly slower than a fresh one (the 1,000-article desk folder of `npm run bench`: 8.5 s
 * against 6.3 s, back to back on a busy machine; 7.1 s in the CLI against 3.8 s in a fresh
 * process, idle). The cause is in V8's state after the reads, not found in our code. The CLI
 * starts the thread with its ingest: its ~1 s of set-up then overlaps the reads (desk folder,
 * median of 3: compile 4.7 → 4.0 s, ingest +0.2 s, the run 13.9 → 13.3 s, peak +60 MB).
 */
import { extname, join } from 'node:path';
import { isMainThread, type MessagePort, parentPort, workerData } from 'node:worker_threads';
import { BriefError, ConfigError, StoreError } from '../model/errors';
import { type CompileOptions, type CompileOutcome, compile } from '../pipeline/compile';
import type { PipelineDeps } from '../pipeline/pipeline-deps';
import type { RuntimeConfig } from './config';
import { localDeps } from './local-deps';
import { startWorker } from './start-worker';

interface CompileThreadData {
  /** This module's file: how the thread knows it was started to compile. */
  workerFile: string;
  config: RuntimeConfig;
  storeDir: string;
}

/** What the thread is asked, once it has set up. */
interface CompileRequest {
  edition: string;
  options: CompileOptions;
}

/** What the thread answers: the outcome, or the error (its class by name, for the message a user reads). */
type CompileAnswer = { outcome: CompileOutcome } | { error: { name: string; message: string } };

/** A thread that sets up (modules, reference data, templates, fonts) as soon as it starts. */
export interface CompileThread {
  /** `compile` of the folder store in the thread, which then ends; asked once. */
  compile(edition: string, options?: CompileOptions): Promise<CompileOutcome>;
  /** Stops the thread if it was never asked (a run that ends before its compile). */
  close(): Promise<void>;
}

/**
 * Starts the compile thread for the folder store at `storeDir`, to be asked later: the CLI
 * starts it with the ingest, so that its set-up (~1 s of loading, off the main thread) is done
 * by the time the records are. Its warnings go to stderr.
 */
export function startCompileThread(config: RuntimeConfig, storeDir: string): CompileThread {
  const workerFile = join(__dirname, `compile-thread${extname(__filename)}`);
  const data: CompileThreadData = { workerFile, config, storeDir };
  const worker = startWorker(workerFile, data);
  // Waiting to be asked keeps no process alive.
  worker.unref();
  let answer: CompileAnswer | undefined;
  let failure: unknown;
  worker.on('message', (message: CompileAnswer) => {
    answer = message;
  });
  worker.on('error', (error) => {
    failure = error;
  });
  // Settled on exit, once the thread's output on stderr has been passed on.
  const exited = new Promise<number>((resolve) => worker.on('exit', resolve));
  return {
    compile: async (edition, options = {}) => {
      worker.ref();
      const request: CompileRequest = { edition, options };
      worker.postMessage(request);
      const code = await exited;
      if (answer && 'outcome' in answer) return answer.outcome;
      if (answer) throw errorOf(answer.error);
      throw failure ?? new Error(`the compile thread stopped (exit code ${code})`);
    },
    close: async () => {
      await worker.terminate();
    },
  };
}

/** The thread's error again as the class a user's message depends on (`error: …` for ours). */
function errorOf({ name, message }: { name: string; message: string }): Error {
  const ours = [ConfigError, StoreError, BriefError].find((type) => type.name === name);
  if (ours) return new ours(message);
  const error = new Error(message);
  error.name = name;
  return error;
}

const asAnswer = (error: unknown): CompileAnswer => {
  const { name, message } = error instanceof Error ? error : new Error(String(error));
  return { error: { name, message } };
};

/** Sets up at once, then compiles the edition it is asked for and answers. */
function serveCompile(data: CompileThreadData, port: MessagePort): void {
  let deps: PipelineDeps | undefined;
  let setupFailure: CompileAnswer | undefined;
  try {
    deps = localDeps(data.config, data.storeDir);
  } catch (error) {
    setupFailure = asAnswer(error);
  }
  port.once('message', async ({ edition, options }: CompileRequest) => {
    const answer: CompileAnswer =
      setupFailure ??
      (await compile(deps as PipelineDeps, edition, options).then(
        (outcome) => ({ outcome }),
        asAnswer,
      ));
    port.postMessage(answer);
  });
}

if (!isMainThread && (workerData as CompileThreadData | undefined)?.workerFile === __filename)
  serveCompile(workerData as CompileThreadData, parentPort as MessagePort);
