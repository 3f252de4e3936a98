import { SingleBar } from 'cli-progress';

export interface Progress {
  tick(label: string): void;
  stop(): void;
}

/** A progress bar on a terminal; plain lines when the output is a pipe or a CI log. */
export function makeProgress(total: number, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!stream.isTTY) {
    let done = 0;
    return {
      tick: (label) => {
        done++;
        stream.write(`[${done}/${total}] ${label}\n`);
      },
      stop: () => {},
    };
  }
  const bar = new SingleBar(
    {
      format: 'ingesting {bar} {value}/{total} {label}',
      stream,
      hideCursor: true,
      clearOnComplete: true,
    },
    undefined,
  );
  bar.start(total, 0, { label: '' });
  return {
    tick: (label) => bar.increment({ label }),
    stop: () => bar.stop(),
  };
}
