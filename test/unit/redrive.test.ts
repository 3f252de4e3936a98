import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import {
  ChangeMessageVisibilityCommand,
  DeleteMessageCommand,
  GetQueueUrlCommand,
  ReceiveMessageCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { failureQueueUrl, functionName, redrive, redriveLocal } from '../../infra/redrive';
import { loadEvent } from '../helpers/events';
import { tempDir } from '../helpers/pipeline';

const queueUrl = 'https://sqs.eu-west-1.amazonaws.com/123456789012/daily-brief-prod-failures';
const ingestArn = 'arn:aws:lambda:eu-west-1:123456789012:function:daily-brief-prod-ingest:$LATEST';
const compileArn =
  'arn:aws:lambda:eu-west-1:123456789012:function:daily-brief-prod-compile:$LATEST';
const s3Event = loadEvent<object>('s3-put-seed');

/** A message of the failure queue as Lambda's on-failure destination writes it. */
const failure = (id: string, functionArn: string, payload: unknown) => ({
  MessageId: id,
  ReceiptHandle: `receipt-${id}`,
  Body: JSON.stringify({
    version: '1.0',
    timestamp: '2026-11-22T07:20:00.000Z',
    requestContext: {
      requestId: id,
      functionArn,
      condition: 'RetriesExhausted',
      approximateInvokeCount: 3,
    },
    requestPayload: payload,
    responseContext: { statusCode: 200, executedVersion: '$LATEST', functionError: 'Unhandled' },
    responsePayload: { errorType: 'StoreError', errorMessage: 'put … failed: SlowDown (HTTP 503)' },
  }),
});

describe('npm run redrive (the failure queue, SQS and Lambda mocked)', () => {
  const sqs = mockClient(SQSClient);
  const lambda = mockClient(LambdaClient);
  const clients = {
    sqs: new SQSClient({ region: 'eu-west-1' }),
    lambda: new LambdaClient({ region: 'eu-west-1' }),
  };

  beforeEach(() => {
    sqs.reset();
    lambda.reset();
    sqs
      .on(GetQueueUrlCommand, { QueueName: 'daily-brief-prod-failures' })
      .resolves({ QueueUrl: queueUrl });
    sqs
      .on(ReceiveMessageCommand)
      .resolvesOnce({
        Messages: [
          failure('m1', ingestArn, s3Event),
          failure('m2', compileArn, { schedule: 'daily', time: '2026-11-23T05:00:00Z' }),
          { MessageId: 'm3', ReceiptHandle: 'receipt-m3', Body: 'not json' },
        ],
      })
      .resolves({ Messages: [] });
    sqs.on(DeleteMessageCommand).resolves({});
    sqs.on(ChangeMessageVisibilityCommand).resolves({});
    lambda.on(InvokeCommand).resolves({ StatusCode: 202 });
  });

  it('finds the stage’s queue by the name infra/failures.yml gives it', async () => {
    expect(await failureQueueUrl(clients.sqs, 'prod')).toBe(queueUrl);
  });

  it('invokes each failed event again, asynchronously, and deletes it once Lambda took it', async () => {
    const lines: string[] = [];
    const report = await redrive(clients, { queueUrl }, (line) => lines.push(line));
    expect(report).toEqual({ replayed: 2, kept: 1, listed: 0 });
    const invokes = lambda.commandCalls(InvokeCommand).map((call) => call.args[0].input);
    expect(invokes.map((input) => [input.FunctionName, input.InvocationType])).toEqual([
      [ingestArn, 'Event'],
      [compileArn, 'Event'],
    ]);
    expect(JSON.parse(Buffer.from(invokes[0]?.Payload as Uint8Array).toString())).toEqual(s3Event);
    expect(JSON.parse(Buffer.from(invokes[1]?.Payload as Uint8Array).toString())).toEqual({
      schedule: 'daily',
      time: '2026-11-23T05:00:00Z',
    });
    const deleted = sqs.commandCalls(DeleteMessageCommand).map((call) => call.args[0].input);
    expect(deleted).toEqual([
      { QueueUrl: queueUrl, ReceiptHandle: 'receipt-m1' },
      { QueueUrl: queueUrl, ReceiptHandle: 'receipt-m2' },
    ]);
    const receive = sqs.commandCalls(ReceiveMessageCommand)[0]?.args[0].input;
    expect(receive).toMatchObject({
      QueueUrl: queueUrl,
      MaxNumberOfMessages: 10,
      VisibilityTimeout: 120,
    });
    expect(lines).toContain('kept m3: not a Lambda failure record');
    expect(lines).toContain(
      'replayed m1: daily-brief-prod-ingest (put … failed: SlowDown (HTTP 503))',
    );
  });

  it('keeps a message whose invocation Lambda refused', async () => {
    lambda.on(InvokeCommand).rejectsOnce(new Error('Rate exceeded')).resolves({ StatusCode: 202 });
    const report = await redrive(clients, { queueUrl });
    expect(report).toEqual({ replayed: 1, kept: 2, listed: 0 });
    expect(
      sqs.commandCalls(DeleteMessageCommand).map((c) => c.args[0].input.ReceiptHandle),
    ).toEqual(['receipt-m2']);
  });

  it('changes nothing on a dry run, and hands the messages straight back', async () => {
    const report = await redrive(clients, { queueUrl, dryRun: true });
    expect(report).toEqual({ replayed: 0, kept: 1, listed: 2 });
    expect(lambda.commandCalls(InvokeCommand)).toHaveLength(0);
    expect(sqs.commandCalls(DeleteMessageCommand)).toHaveLength(0);
    expect(
      sqs
        .commandCalls(ChangeMessageVisibilityCommand)
        .map((c) => c.args[0].input.VisibilityTimeout),
    ).toEqual([0, 0]);
  });

  it('stops after --max messages', async () => {
    const report = await redrive(clients, { queueUrl, max: 1 });
    expect(report.replayed).toBe(1);
    expect(sqs.commandCalls(ReceiveMessageCommand)[0]?.args[0].input.MaxNumberOfMessages).toBe(1);
  });

  it('names the function of an ARN', () => {
    expect(functionName(ingestArn)).toBe('daily-brief-prod-ingest');
  });
});

describe('npm run redrive -- --local (the failures folder of npm run dev)', () => {
  it('gives each kept event to the ingest handler, rebuilds the draft, and files it as replayed', async () => {
    const dir = tempDir('failures-');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'a.json'), failure('a', 'local:ingest', s3Event).Body);
    writeFileSync(path.join(dir, 'b.json'), '{}');
    const ingested: unknown[] = [];
    const compiled: unknown[] = [];
    const report = await redriveLocal(dir, {
      ingest: async (event) => {
        ingested.push(event);
        return [{ status: 'ingested', edition: '2026-11-22' }];
      },
      compile: async (event) => compiled.push(event),
    });
    expect(report).toEqual({ replayed: 1, kept: 1, listed: 0 });
    expect(ingested).toEqual([s3Event]);
    expect(compiled).toEqual([{ schedule: 'draft', edition: '2026-11-22' }]);
    expect(readdirSync(path.join(dir, 'replayed'))).toEqual(['a.json']);
  });
});
