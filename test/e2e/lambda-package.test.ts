import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import { deflateRawSync } from 'node:zlib';
import { CreateBucketCommand } from '@aws-sdk/client-s3';
import iconv from 'iconv-lite';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CompileSummary } from '../../functions/handlers/compile';
import type { HandledUpload } from '../../functions/handlers/ingest';
import type { BriefModel } from '../../functions/model/types';
import type { IngestOutcome } from '../../functions/pipeline/ingest';
import { articleKey } from '../../functions/store/bucket-layout';
import { makeS3Client } from '../../functions/store/s3-client';
import { S3Store } from '../../functions/store/s3-store';
import { loadEvent } from '../helpers/events';
import { packagedHandlerEnv, s3rverCredentials } from '../helpers/lambda-env';
import { startLambdaServer } from '../helpers/lambda-server';
import { tempDir } from '../helpers/pipeline';

const run = promisify(execFile);
/** The packaged functions, by their names in serverless.yml. */
const functionNames = ['ingest', 'ingestDocuments', 'compile'] as const;
type FunctionName = (typeof functionNames)[number];
/** Each function's bundled handler in its package. */
const handlerFile: Record<FunctionName, string> = {
  ingest: 'functions/handlers/ingest.js',
  ingestDocuments: 'functions/handlers/ingest-documents.js',
  compile: 'functions/handlers/compile.js',
};
const documentsFunction = 'daily-brief-package-test-ingestDocuments';
const capitalised = (name: string) => name[0]?.toUpperCase() + name.slice(1);

/**
 * The zips `npm run package` builds are what Lambda runs, one per function: each unzipped into
 * a folder that becomes LAMBDA_TASK_ROOT and the working directory, with nothing else from the
 * project, its bundled handler must find its data files (and compile its templates and fonts)
 * there and work against S3.
 */
describe('the packaged Lambda zips', () => {
  const taskRoots: Record<FunctionName, string> = { ingest: '', ingestDocuments: '', compile: '' };
  const zipBytes: Record<FunctionName, number> = { ingest: 0, ingestDocuments: 0, compile: 0 };
  const zips: Record<FunctionName, string> = { ingest: '', ingestDocuments: '', compile: '' };
  // biome-ignore lint/suspicious/noExplicitAny: CloudFormation properties are free-form JSON.
  let template: { Resources: Record<string, { Type: string; Properties: Record<string, any> }> };
  let server: S3rver;
  let endpoint: string;
  let store: S3Store;
  let lambda: Awaited<ReturnType<typeof startLambdaServer>>;
  const bucket = 'daily-brief-package-test';
  const credentials = s3rverCredentials;

  beforeAll(async () => {
    const packageDir = tempDir('brief-package-');
    await run('bash', ['infra/package.sh', '--package', packageDir], { timeout: 120_000 }).catch(
      (error: { stdout?: string; stderr?: string }) => {
        throw new Error(`npm run package failed:\n${error.stdout}\n${error.stderr}`);
      },
    );
    template = JSON.parse(
      readFileSync(path.join(packageDir, 'cloudformation-template-update-stack.json'), 'utf8'),
    );
    for (const name of functionNames) {
      const zip = path.join(packageDir, `${name}.zip`);
      zips[name] = zip;
      zipBytes[name] = statSync(zip).size;
      taskRoots[name] = tempDir(`brief-task-root-${name}-`);
      await run('unzip', ['-q', zip, '-d', taskRoots[name]]);
    }

    server = new S3rver({
      address: '127.0.0.1',
      port: 0,
      silent: true,
      directory: tempDir('s3rver-package-'),
    });
    const { port } = (await server.run()) as AddressInfo;
    endpoint = `http://127.0.0.1:${port}`;
    const client = makeS3Client({ endpoint, credentials });
    await client.send(new CreateBucketCommand({ Bucket: bucket }));
    store = new S3Store({ client, bucket });
    // Lambda's Invoke API on loopback: what the ingest package hands over runs the documents
    // package, in a fresh process as below.
    lambda = await startLambdaServer({
      [documentsFunction]: (event) => invoke('ingestDocuments', event),
    });
  }, 180_000);

  afterAll(async () => {
    await lambda?.idle();
    await lambda?.close();
    await server?.close();
  });

  /** Calls a function's bundled handler in a fresh Node process, as the Lambda runtime would. */
  async function invoke<T>(name: FunctionName, event: unknown): Promise<T> {
    const taskRoot = taskRoots[name];
    const script = `require(${JSON.stringify(`./${handlerFile[name]}`)}).handler(JSON.parse(process.argv[1])).then(
      (result) => process.stdout.write(JSON.stringify(result)),
      (error) => { console.error(error); process.exit(1); });`;
    const { stdout } = await run(process.execPath, ['-e', script, JSON.stringify(event)], {
      cwd: taskRoot,
      env: {
        ...packagedHandlerEnv(taskRoot, bucket, endpoint),
        // As serverless.yml sets it, and the SDK's endpoint for Lambda (the loopback server).
        BRIEF_DOCUMENTS_FUNCTION: documentsFunction,
        AWS_ENDPOINT_URL_LAMBDA: lambda.endpoint,
      },
    });
    return JSON.parse(stdout) as T;
  }

  const holds = (name: FunctionName, file: string) =>
    statSync(path.join(taskRoots[name], file), { throwIfNoEntry: false })?.isFile() === true;

  it('packages each function on its own: its bundle and the files it reads, nothing of the sources or tests', () => {
    const shared = [
      'functions/data/actors.yaml',
      'functions/data/countries.json',
      // Required when an upload needs them, not bundled (serverless.yml custom.esbuild.exclude).
      'node_modules/wink-eng-lite-web-model/dist/model.js',
      'node_modules/iconv-lite/encodings/index.js',
    ];
    for (const file of [handlerFile.ingest, ...shared])
      expect(holds('ingest', file), `ingest holds ${file}`).toBe(true);
    for (const file of [
      handlerFile.ingestDocuments,
      ...shared,
      'node_modules/unpdf/dist/pdfjs.mjs',
    ])
      expect(holds('ingestDocuments', file), `ingestDocuments holds ${file}`).toBe(true);
    for (const file of [
      handlerFile.compile,
      'functions/data/actors.yaml',
      'templates/brief.hbs',
      'node_modules/dejavu-fonts-ttf/ttf/DejaVuSans.ttf',
      'functions/data/countries.json',
    ])
      expect(holds('compile', file), `compile holds ${file}`).toBe(true);
    // The ingest functions never render: no templates, no fonts; no function holds another's
    // handler; and the ingest function leaves the document readers to ingestDocuments.
    for (const name of ['ingest', 'ingestDocuments'] as const)
      for (const file of [
        handlerFile.compile,
        'templates/brief.hbs',
        'node_modules/dejavu-fonts-ttf/ttf/DejaVuSans.ttf',
      ])
        expect(holds(name, file), `${name} leaves out ${file}`).toBe(false);
    for (const name of functionNames)
      for (const other of functionNames)
        if (other !== name)
          expect(holds(name, handlerFile[other]), `${name}: ${other}`).toBe(false);
    expect(holds('ingest', 'node_modules/unpdf/dist/pdfjs.mjs')).toBe(false);
    const ingestBundle = readFileSync(path.join(taskRoots.ingest, handlerFile.ingest), 'utf8');
    const documentsBundle = readFileSync(
      path.join(taskRoots.ingestDocuments, handlerFile.ingestDocuments),
      'utf8',
    );
    // mammoth's and mailparser's own messages: in the documents bundle, not in ingest's.
    for (const mark of ['word/document.xml', 'simpleParser'])
      expect(
        [ingestBundle.includes(mark), documentsBundle.includes(mark)],
        `${mark} in ingest, documents`,
      ).toEqual([false, true]);
    // world-countries ships as the fields the reference reads (functions/data/countries.json).
    for (const name of functionNames)
      expect(holds(name, 'node_modules/world-countries/countries.json')).toBe(false);
    expect(holds('compile', 'node_modules/wink-eng-lite-web-model/dist/model.js')).toBe(false);
    for (const name of functionNames) {
      expect(holds(name, handlerFile[name].replace(/\.js$/, '.ts'))).toBe(false);
      expect(statSync(path.join(taskRoots[name], 'test'), { throwIfNoEntry: false })).toBe(
        undefined,
      );
      // Lambda accepts 50 MB zipped; each package is a few MB (README "Deployment package").
      expect(zipBytes[name]).toBeLessThan(50 * 1024 * 1024);
    }
    // Issue 11's sizes: the function every text upload starts under 2 MB, compile under 3 MB.
    expect(zipBytes.ingest).toBeLessThan(2_000_000);
    expect(zipBytes.compile).toBeLessThan(3_000_000);
  });

  it('compresses each zip at the best deflate level, and the template hashes the zip as written', async () => {
    for (const name of functionNames) {
      const zip = readFileSync(zips[name]);
      const version = Object.entries(template.Resources).find(
        ([id, resource]) =>
          resource.Type === 'AWS::Lambda::Version' && id.startsWith(`${capitalised(name)}Lambda`),
      )?.[1];
      expect(version?.Properties.CodeSha256, `${name}'s version hash`).toBe(
        createHash('sha256').update(zip).digest('base64'),
      );
      // Every entry of any size takes no more than zlib's level 9 would make of it.
      const { stdout } = await run('unzip', ['-Z', '-l', zips[name]], { maxBuffer: 1 << 20 });
      const entries = stdout
        .split('\n')
        .map((line) => line.trim().split(/\s+/))
        // -rw-r--r--  3.0 unx  463207 b-  90618 defN 80-Jan-01 00:00 functions/data/countries.json
        .filter((fields) => fields.length === 10 && /^(defN|defX|stor)$/.test(fields[6] ?? ''))
        .map((fields) => ({ size: Number(fields[3]), packed: Number(fields[5]), file: fields[9] }))
        .filter((entry) => entry.size > 100_000);
      expect(entries.length, `${name}'s large entries`).toBeGreaterThan(0);
      for (const entry of entries) {
        const bytes = readFileSync(path.join(taskRoots[name], entry.file as string));
        const best = deflateRawSync(bytes, { level: 9 }).length;
        expect(entry.packed, `${name}: ${entry.file}`).toBeLessThanOrEqual(best * 1.01);
      }
    }
  });

  it('comes with a template that bounds, schedules, keeps and watches what it deploys', () => {
    const resources = template.Resources;
    const ofType = (type: string) =>
      Object.entries(resources).filter(([, resource]) => resource.Type === type);
    const ingest = resources.IngestLambdaFunction?.Properties;
    expect(ingest).toMatchObject({
      Runtime: 'nodejs22.x',
      Architectures: ['arm64'],
      ReservedConcurrentExecutions: 5,
    });
    expect(resources.FailureQueue?.Properties.MessageRetentionPeriod).toBe(14 * 24 * 3600);
    for (const [, group] of ofType('AWS::Logs::LogGroup'))
      expect(group.Properties.RetentionInDays).toBe(365);

    const schedules = ofType('AWS::Scheduler::Schedule').map(([, schedule]) => schedule.Properties);
    expect(schedules.map((schedule) => JSON.parse(schedule.Target.Input).schedule).sort()).toEqual([
      'daily',
      'draft',
    ]);
    for (const schedule of schedules) {
      expect(schedule.ScheduleExpressionTimezone).toBe('UTC');
      expect(schedule.Target.RoleArn).toEqual({ 'Fn::GetAtt': ['CompileSchedulerRole', 'Arn'] });
    }

    const alarms = ofType('AWS::CloudWatch::Alarm').map(([, alarm]) => alarm.Properties);
    expect(alarms.map((alarm) => `${alarm.Namespace} ${alarm.MetricName}`).sort()).toEqual([
      'AWS/Lambda Errors',
      'AWS/Lambda Errors',
      'AWS/Lambda Errors',
      'AWS/SQS ApproximateNumberOfMessagesVisible',
    ]);
    expect(
      alarms.filter((alarm) => alarm.Namespace === 'AWS/Lambda').map((alarm) => alarm.Dimensions),
    ).toEqual(
      expect.arrayContaining(
        ['IngestLambdaFunction', 'IngestDocumentsLambdaFunction', 'CompileLambdaFunction'].map(
          (id) => [{ Name: 'FunctionName', Value: { Ref: id } }],
        ),
      ),
    );
    for (const alarm of alarms) expect(alarm.AlarmActions).toEqual([{ Ref: 'AlarmTopic' }]);

    const rules = resources.BriefBucket?.Properties.LifecycleConfiguration.Rules as {
      Prefix?: string;
      ExpirationInDays?: number;
    }[];
    expect(rules.find((rule) => rule.Prefix === 'incoming/')?.ExpirationInDays).toBe(365);
    // The old, flat layout of rejections expires; the records filed by edition stay.
    expect(
      rules.filter((rule) => rule.Prefix?.startsWith('rejected/')).map((r) => r.Prefix),
    ).toEqual(['rejected/incoming/', 'rejected/_long/']);
  });

  it('has only the ingest function notified of uploads, handing documents to ingestDocuments, which it alone may invoke', () => {
    const resources = template.Resources;
    const ingest = resources.IngestLambdaFunction?.Properties;
    const documents = resources.IngestDocumentsLambdaFunction?.Properties;
    expect(ingest?.Environment.Variables.BRIEF_DOCUMENTS_FUNCTION).toEqual({
      Ref: 'IngestDocumentsLambdaFunction',
    });
    expect(documents).toMatchObject({ Runtime: 'nodejs22.x', MemorySize: 512, Timeout: 60 });
    // Handed-over events are retried and kept like S3's: two retries, then the failure queue.
    const invokeConfig = Object.values(resources).find(
      (resource) =>
        resource.Type === 'AWS::Lambda::EventInvokeConfig' &&
        resource.Properties.FunctionName?.Ref === 'IngestDocumentsLambdaFunction',
    )?.Properties;
    expect(invokeConfig).toMatchObject({
      MaximumRetryAttempts: 2,
      DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': ['FailureQueue', 'Arn'] } } },
    });
    const notified = Object.values(resources)
      .filter((resource) => resource.Type === 'Custom::S3')
      .map((resource) => resource.Properties.FunctionName);
    expect(notified).toEqual(['daily-brief-dev-ingest']);
    // biome-ignore lint/suspicious/noExplicitAny: IAM statements are free-form JSON.
    const statements = (role: string): any[] =>
      resources[role]?.Properties.Policies.flatMap(
        // biome-ignore lint/suspicious/noExplicitAny: as above.
        (policy: any) => policy.PolicyDocument.Statement,
      );
    const invokes = (role: string) =>
      statements(role).filter((s) => [s.Action].flat().includes('lambda:InvokeFunction'));
    expect(invokes('IngestIamRoleLambdaExecution').map((s) => s.Resource)).toEqual([
      { 'Fn::GetAtt': ['IngestDocumentsLambdaFunction', 'Arn'] },
    ]);
    expect(invokes('IngestDocumentsIamRoleLambdaExecution')).toEqual([]);
    expect(invokes('CompileIamRoleLambdaExecution')).toEqual([]);
  });

  it('limits listing by prefix, lets uploaders write only incoming/, and only the functions write records and briefs', () => {
    const resources = template.Resources;
    // biome-ignore lint/suspicious/noExplicitAny: IAM statements are free-form JSON.
    const statementsOf = (role: string): any[] =>
      resources[role]?.Properties.Policies.flatMap(
        // biome-ignore lint/suspicious/noExplicitAny: as above.
        (policy: any) => policy.PolicyDocument.Statement,
      );
    for (const [role, prefixes] of [
      ['IngestIamRoleLambdaExecution', ['incoming/*', 'articles/*', 'rejected/????-??-??/*']],
      [
        'IngestDocumentsIamRoleLambdaExecution',
        ['incoming/*', 'articles/*', 'rejected/????-??-??/*'],
      ],
      ['CompileIamRoleLambdaExecution', ['articles/*', 'rejected/*', 'briefs/*', 'deliveries/*']],
    ] as const) {
      const lists = statementsOf(role).filter((s) => [s.Action].flat().includes('s3:ListBucket'));
      expect(lists.length, `${role} lists`).toBeGreaterThan(0);
      for (const statement of lists)
        expect(statement.Condition?.StringLike?.['s3:prefix'], `${role} lists by prefix`).toEqual(
          expect.arrayContaining([...prefixes]),
        );
    }
    const uploader = resources.UploaderPolicy?.Properties.PolicyDocument.Statement;
    // biome-ignore lint/suspicious/noExplicitAny: as above.
    const puts = uploader.filter((s: any) => [s.Action].flat().includes('s3:PutObject'));
    expect(JSON.stringify(puts)).toContain('/incoming/*');
    expect(JSON.stringify(puts)).not.toMatch(/articles|briefs|deliveries|rejected/);
    const policy = resources.BriefBucketPolicy?.Properties.PolicyDocument.Statement;
    // biome-ignore lint/suspicious/noExplicitAny: as above.
    const denies = policy.filter((s: any) => s.Effect === 'Deny' && s.Condition?.ArnNotEquals);
    const guarded = JSON.stringify(denies);
    for (const prefix of ['/articles/*', '/rejected/*', '/briefs/*', '/deliveries/*'])
      expect(guarded).toContain(prefix);
    expect(guarded).toContain('IngestIamRoleLambdaExecution');
    expect(guarded).toContain('IngestDocumentsIamRoleLambdaExecution');
    expect(guarded).toContain('CompileIamRoleLambdaExecution');
  });

  it('ingests an upload and compiles the edition, from the unzipped folders alone', async () => {
    await store.put(
      'incoming/000_4c66cd66b4ac9d7a.txt',
      readFileSync('test/fixtures/seeds/000_4c66cd66b4ac9d7a.txt'),
    );
    const [outcome] = await invoke<IngestOutcome[]>('ingest', loadEvent('s3-put-seed'));
    expect(outcome).toMatchObject({ status: 'ingested', edition: '2026-11-22' });

    const summary = await invoke<CompileSummary>('compile', { edition: '2026-11-22' });
    expect(summary).toMatchObject({ status: 'built', articles: 1 });
    const model = JSON.parse(
      new TextDecoder().decode((await store.get('briefs/2026-11-22/brief.json')) ?? undefined),
    ) as BriefModel;
    expect(model.articles[0]?.source).toBe('TASS');
    const pdf = await store.get('briefs/latest.pdf');
    expect(
      Buffer.from(pdf ?? [])
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    expect(
      new TextDecoder().decode((await store.get('briefs/latest.html')) ?? undefined),
    ).toContain('UK recognizes need for cooperation with Russia, China on Afghanistan');
  });
  it('hands a PDF to the documents package, which reads it with the pdf.js it ships; reads a Windows-1252 text itself', async () => {
    const seed = readFileSync('test/fixtures/seeds/001_4a56e7ea095a686e.txt', 'utf8');
    const uploads = {
      'incoming/statement.pdf': readFileSync('test/fixtures/formats/statement.pdf'),
      // Curly quotes as Windows-1252 bytes (0x93/0x94): not UTF-8, so iconv-lite decodes it.
      'incoming/western.txt': iconv.encode(
        `${seed.trim()}\n\n\u201cWe agree,\u201d he said.\n`,
        'windows-1252',
      ),
    };
    for (const [key, bytes] of Object.entries(uploads)) {
      await store.put(key, bytes);
      const event = {
        Records: [{ eventTime: '2026-11-22T09:00:00.000Z', s3: { object: { key } } }],
      };
      const [handled] = await invoke<HandledUpload[]>('ingest', event);
      let outcome = handled;
      if (key.endsWith('.pdf')) {
        // Handed over unread, as it came; the documents package's answer is the outcome.
        expect(handled).toEqual({ status: 'forwarded', key });
        await lambda.idle();
        expect(lambda.failures).toEqual([]);
        const [invocation] = lambda.invocations.slice(-1);
        expect(invocation?.event).toEqual(event);
        [outcome] = (invocation?.result ?? []) as IngestOutcome[];
      }
      expect(outcome, key).toMatchObject({ status: 'ingested', edition: '2026-11-22' });
      const id = outcome && 'id' in outcome ? outcome.id : '';
      const record = JSON.parse(
        new TextDecoder().decode((await store.get(articleKey('2026-11-22', id))) ?? undefined),
      ) as { format: string; text: string };
      if (key.endsWith('.pdf')) expect(record.format).toBe('pdf');
      else expect(record.text).toContain('\u201cWe agree,\u201d he said.');
    }
  });
});
