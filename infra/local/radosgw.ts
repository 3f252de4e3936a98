import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { PutBucketNotificationConfigurationCommand } from '@aws-sdk/client-s3';
import { CreateTopicCommand, SNSClient } from '@aws-sdk/client-sns';
import { makeS3Client } from '../../functions/store/s3-client';

const run = promisify(execFile);

/** Raised when the single-node Ceph cannot be set up; the message says which step and what to do. */
export class RadosgwStartError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'RadosgwStartError';
  }
}

export interface Radosgw {
  /** The S3 endpoint, `http://127.0.0.1:<port>`. */
  endpoint: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
  /** Seconds it took to be ready to serve S3 requests. */
  startSeconds: number;
  /** Stops the three daemons and removes their data (memstore: nothing is on disk anyway). */
  stop(): Promise<void>;
}

export interface RadosgwOptions {
  /** S3 port; 0 (default) picks a free one. */
  port?: number;
  /** Give up after this long (default 90 s). */
  timeoutMs?: number;
}

const binaries = ['monmaptool', 'ceph-mon', 'ceph-osd', 'radosgw', 'radosgw-admin', 'ceph'];
const install = 'apt-get install --no-install-recommends radosgw ceph-mon ceph-osd';

/**
 * Starts a throwaway single-node Ceph on loopback: one monitor, one OSD on memstore (RAM,
 * ~130 MB), and radosgw serving S3, with cephx off (`auth none`), pools of size 1 and 8
 * placement groups, and one S3 user. Everything lives in a temp folder removed by `stop()`;
 * the daemons are also killed if this process exits first.
 */
export async function startRadosgw({
  port = 0,
  timeoutMs = 90_000,
}: RadosgwOptions = {}): Promise<Radosgw> {
  const missing = binaries.filter((name) => !onPath(name));
  if (missing.length > 0)
    throw new RadosgwStartError(
      `radosgw cannot start: ${missing.join(', ')} not found; ${install}`,
    );
  const started = Date.now();
  const deadline = started + timeoutMs;
  const dir = mkdtempSync(path.join(tmpdir(), 'brief-rgw-'));
  for (const sub of ['mon', 'osd', 'run', 'log']) mkdirSync(path.join(dir, sub));
  const monPort = await freePort();
  const s3Port = port || (await freePort());
  const fsid = randomUUID();
  const conf = path.join(dir, 'ceph.conf');
  writeFileSync(conf, cephConf({ dir, fsid, monPort, s3Port }));
  const daemons: ChildProcess[] = [];
  const killAll = () => {
    for (const child of daemons) if (child.exitCode === null) child.kill('SIGKILL');
  };
  process.once('exit', killAll);

  const stop = async () => {
    process.off('exit', killAll);
    await Promise.all(daemons.map(stopDaemon));
    rmSync(dir, { recursive: true, force: true });
  };
  const step = async (what: string, work: () => Promise<unknown>) => {
    try {
      await work();
    } catch (error) {
      const logs = tailLogs(path.join(dir, 'log'));
      await stop();
      throw new RadosgwStartError(
        `radosgw cannot start: ${what} failed: ${(error as Error).message}\n${logs}`,
        { cause: error },
      );
    }
  };
  const ceph = (...args: string[]) => run('ceph', ['-c', conf, '--connect-timeout', '20', ...args]);
  const daemon = (command: string, args: string[]) => {
    const child = spawn(command, ['-c', conf, '-f', ...args], { stdio: 'ignore' });
    daemons.push(child);
    return child;
  };

  await step('creating the monitor', async () => {
    await run('monmaptool', [
      '--create',
      '--add',
      'a',
      `v2:127.0.0.1:${monPort}`,
      '--fsid',
      fsid,
      path.join(dir, 'monmap'),
    ]);
    await run('ceph-mon', ['-c', conf, '--mkfs', '-i', 'a', '--monmap', path.join(dir, 'monmap')]);
    daemon('ceph-mon', ['-i', 'a']);
  });
  await step('adding the OSD', async () => {
    const { stdout } = await ceph('osd', 'create');
    const id = stdout.trim();
    await run('ceph-osd', ['-c', conf, '-i', id, '--mkfs']);
    daemon('ceph-osd', ['-i', id]);
  });
  await step('starting radosgw', async () => {
    daemon('radosgw', ['-n', 'client.rgw']);
    await waitForHttp(`http://127.0.0.1:${s3Port}/`, deadline, () => {
      const dead = daemons.find((child) => child.exitCode !== null || child.signalCode !== null);
      return dead ? `${dead.spawnfile} exited (${dead.exitCode ?? dead.signalCode})` : null;
    });
  });
  const credentials = { accessKeyId: 'BRIEFLOCAL', secretAccessKey: 'brief-local-secret' };
  await step('creating the S3 user', () =>
    run('radosgw-admin', [
      '-c',
      conf,
      '-n',
      'client.admin',
      'user',
      'create',
      '--uid=brief',
      '--display-name=brief',
      `--access-key=${credentials.accessKeyId}`,
      `--secret-key=${credentials.secretAccessKey}`,
    ]),
  );
  return {
    endpoint: `http://127.0.0.1:${s3Port}`,
    credentials,
    startSeconds: (Date.now() - started) / 1000,
    stop,
  };
}

function cephConf({
  dir,
  fsid,
  monPort,
  s3Port,
}: {
  dir: string;
  fsid: string;
  monPort: number;
  s3Port: number;
}): string {
  return `[global]
fsid = ${fsid}
mon host = v2:127.0.0.1:${monPort}
mon initial members = a
# cephx off between the daemons and the tools; S3 requests are still signed.
auth cluster required = none
auth service required = none
auth client required = none
# Daemons default to "secure" monitor connections, which need cephx.
ms mon client mode = crc secure
keyring = /dev/null
osd pool default size = 1
osd pool default min size = 1
osd pool default pg num = 8
osd pool default pgp num = 8
osd pool default pg autoscale mode = off
mon allow pool size one = true
mon warn on pool no redundancy = false
osd crush chooseleaf type = 0
osd objectstore = memstore
memstore device bytes = 1073741824
mon data avail warn = 1
mon data avail crit = 0
run dir = ${dir}/run
admin socket = ${dir}/run/$name.asok
log file = ${dir}/log/$name.log
pid file = ${dir}/run/$name.pid
mon data = ${dir}/mon
osd data = ${dir}/osd

[client.rgw]
rgw frontends = beast endpoint=127.0.0.1:${s3Port}
rgw data = ${dir}/rgw
`;
}

function onPath(command: string): boolean {
  return (process.env.PATH ?? '')
    .split(path.delimiter)
    .some((folder) => folder && existsSync(path.join(folder, command)));
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function waitForHttp(
  url: string,
  deadline: number,
  failed: () => string | null,
): Promise<void> {
  for (;;) {
    const problem = failed();
    if (problem) throw new Error(problem);
    try {
      await fetch(url, { signal: AbortSignal.timeout(2000) });
      return;
    } catch {
      if (Date.now() > deadline) throw new Error(`${url} did not answer in time`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

async function stopDaemon(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // memstore keeps nothing worth flushing: no need for a graceful shutdown.
  child.kill('SIGKILL');
  await exited;
}

function tailLogs(folder: string): string {
  const lines: string[] = [];
  for (const name of ['mon.a.log', 'osd.0.log', 'client.rgw.log']) {
    const file = path.join(folder, name);
    if (!existsSync(file)) continue;
    const tail = readFileSync(file, 'utf8').trimEnd().split('\n').slice(-5);
    lines.push(`  ${name}:`, ...tail.map((line) => `    ${line.slice(0, 300)}`));
  }
  return lines.join('\n');
}

export interface SubscribeOptions {
  endpoint: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
  bucket: string;
  /** Only keys under this prefix are notified (the filter of the AWS notification). */
  prefix: string;
  /** Where radosgw POSTs each notification. */
  pushEndpoint: string;
}

/**
 * Makes radosgw push `s3:ObjectCreated:*` notifications for `prefix` to `pushEndpoint`:
 * a topic (radosgw's SNS-compatible API, with a `push-endpoint` attribute) and a bucket
 * notification configuration, the same call as on AWS.
 */
export async function subscribeBucket(options: SubscribeOptions): Promise<void> {
  const sns = new SNSClient({
    endpoint: options.endpoint,
    region: 'us-east-1',
    credentials: options.credentials,
  });
  const s3 = makeS3Client({ endpoint: options.endpoint, credentials: options.credentials });
  try {
    const topic = await sns.send(
      new CreateTopicCommand({
        Name: `${options.bucket}-ingest`,
        Attributes: { 'push-endpoint': options.pushEndpoint },
      }),
    );
    await s3.send(
      new PutBucketNotificationConfigurationCommand({
        Bucket: options.bucket,
        NotificationConfiguration: {
          TopicConfigurations: [
            {
              Id: 'ingest',
              TopicArn: topic.TopicArn,
              Events: ['s3:ObjectCreated:*'],
              Filter: { Key: { FilterRules: [{ Name: 'prefix', Value: options.prefix }] } },
            },
          ],
        },
      }),
    );
  } finally {
    sns.destroy();
    s3.destroy();
  }
}
