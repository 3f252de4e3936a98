import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { mockClient } from 'aws-sdk-client-mock';
import { simpleParser } from 'mailparser';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { deliverBrief } from '../../functions/delivery/deliver';
import { SesMailSender } from '../../functions/delivery/ses-mail-sender';
import { SnsPublisher } from '../../functions/delivery/sns-publisher';
import type { BriefModel } from '../../functions/model/types';
import type { PipelineDeps } from '../../functions/pipeline/pipeline-deps';
import { deliveryFailureKey, deliveryKey } from '../../functions/store/bucket-layout';
import type { FsStore } from '../../functions/store/fs-store';
import { tempFsStore } from '../helpers/pipeline';
import { deliveryDeps, seedBrief, staffConfig } from './delivery-helpers';

const topicArn = 'arn:aws:sns:eu-west-1:123456789012:daily-brief-prod-brief-published';
const awsError = (name: string, status: number) =>
  Object.assign(new Error(`${name} from the service`), {
    name,
    $fault: status >= 500 ? 'server' : 'client',
    $metadata: { httpStatusCode: status },
  });
const json = async (store: FsStore, key: string) =>
  JSON.parse(new TextDecoder().decode((await store.get(key)) ?? new Uint8Array()));

describe('SES and SNS through aws-sdk-client-mock', () => {
  const ses = mockClient(SESv2Client);
  const sns = mockClient(SNSClient);
  let model: BriefModel;
  let pipeline: PipelineDeps;
  let store: FsStore;

  beforeAll(async () => {
    ({ model, deps: pipeline } = await seedBrief());
  });

  beforeEach(() => {
    ses.reset();
    sns.reset();
    // Each test starts with an empty bucket: no delivery records (the brief is rendered again).
    store = tempFsStore();
  });

  const run = (options: { resend?: boolean } = {}) =>
    deliverBrief(
      deliveryDeps(
        { ...pipeline, store },
        {
          sender: new SesMailSender(new SESv2Client({ region: 'eu-west-1' }), 'brief-events'),
          publisher: new SnsPublisher(new SNSClient({ region: 'eu-west-1' }), topicArn),
          config: staffConfig(['archive@example.org']),
        },
      ),
      model,
      { resend: true, ...options },
    );

  it('sends the raw MIME message with an explicit envelope (Bcc included)', async () => {
    ses.on(SendEmailCommand).resolves({ MessageId: '0102-ses-id' });
    sns.on(PublishCommand).resolves({ MessageId: 'sns-1' });
    const report = await run();
    expect(report.lists[0]).toMatchObject({ status: 'sent', messageId: '0102-ses-id' });
    const [call] = ses.commandCalls(SendEmailCommand);
    const input = call?.args[0].input;
    expect(input?.FromEmailAddress).toBe('Daily Brief <brief@example.org>');
    expect(input?.Destination).toEqual({
      ToAddresses: ['staff@example.org'],
      CcAddresses: [],
      BccAddresses: ['archive@example.org'],
    });
    expect(input?.ConfigurationSetName).toBe('brief-events');
    const mail = await simpleParser(Buffer.from(input?.Content?.Raw?.Data as Uint8Array));
    expect(mail.attachments[0]?.contentType).toBe('application/pdf');
    expect(await json(store, deliveryKey(model.edition, 'all'))).toMatchObject({
      status: 'sent',
      via: 'ses',
      messageId: '0102-ses-id',
    });
  });

  it('does not retry a message SES rejects, and says what to check', async () => {
    ses.on(SendEmailCommand).rejects(awsError('MessageRejected', 400));
    sns.on(PublishCommand).resolves({ MessageId: 'sns-1' });
    const report = await run();
    expect(ses.commandCalls(SendEmailCommand)).toHaveLength(1);
    expect(report.lists[0]?.status).toBe('failed');
    expect(report.failures[0]?.permanent).toBe(true);
    expect(report.failures[0]?.message).toMatch(
      /SES SendEmail from .* failed: MessageRejected: .*SES sandbox, every recipient must be verified/,
    );
    const failure = await json(store, deliveryFailureKey(model.edition, 'all'));
    expect(failure).toMatchObject({ status: 'failed', via: 'ses', attempts: 1, permanent: true });
  });

  it('retries throttling and server errors, up to the bound, then records the failure', async () => {
    ses
      .on(SendEmailCommand)
      .rejectsOnce(awsError('TooManyRequestsException', 429))
      .rejectsOnce(awsError('InternalFailure', 500))
      .rejects(awsError('InternalFailure', 500));
    sns.on(PublishCommand).resolves({});
    const report = await run();
    expect(ses.commandCalls(SendEmailCommand)).toHaveLength(3);
    expect(report.lists[0]).toMatchObject({ status: 'failed', attempts: 3 });
    expect(report.failures[0]?.permanent).toBe(false);
    expect(await json(store, deliveryFailureKey(model.edition, 'all'))).toMatchObject({
      attempts: 3,
    });
  });

  it('succeeds on a retry after one throttled call', async () => {
    ses
      .on(SendEmailCommand)
      .rejectsOnce(awsError('TooManyRequestsException', 429))
      .resolves({ MessageId: 'second-try' });
    sns.on(PublishCommand).resolves({});
    const report = await run();
    expect(report.lists[0]).toMatchObject({ status: 'sent', attempts: 2, messageId: 'second-try' });
  });

  it('announces "brief published" once per brief, with the edition and links', async () => {
    ses.on(SendEmailCommand).resolves({ MessageId: 'm' });
    sns.on(PublishCommand).resolves({ MessageId: 'sns-1' });
    expect((await run()).announcement).toBe('published');
    expect((await run()).announcement).toBe('already-published');
    const calls = sns.commandCalls(PublishCommand);
    expect(calls).toHaveLength(1);
    const input = calls[0]?.args[0].input;
    expect(input?.TopicArn).toBe(topicArn);
    expect(input?.Subject).toBe(`Brief published: ${model.edition}`);
    expect(input?.MessageAttributes?.edition).toEqual({
      DataType: 'String',
      StringValue: model.edition,
    });
    const message = JSON.parse(input?.Message as string);
    expect(message).toMatchObject({
      type: 'brief.published',
      edition: model.edition,
      keys: {
        html: `briefs/${model.edition}/brief.html`,
        pdf: `briefs/${model.edition}/brief.pdf`,
      },
      delivered: [{ list: 'all', status: 'sent' }],
    });
    expect(message.links.pdf).toMatch(/^https:\/\/.*brief\.pdf\?/);
    expect(message.highlights[0]).toEqual({ number: 1, headline: model.highlights[0]?.headline });
  });

  it('records a failed announcement and reports it, without touching the e-mail', async () => {
    ses.on(SendEmailCommand).resolves({ MessageId: 'm' });
    sns.on(PublishCommand).rejects(awsError('AuthorizationErrorException', 403));
    const report = await run();
    expect(report.lists[0]?.status).toBe('sent');
    expect(report.announcement).toBe('failed');
    expect(sns.commandCalls(PublishCommand)).toHaveLength(1);
    expect(report.failures[0]?.message).toMatch(/may sns:Publish to BRIEF_TOPIC_ARN/);
    expect(await json(store, `deliveries/${model.edition}/published.failed.json`)).toMatchObject({
      edition: model.edition,
      attempts: 1,
    });
  });
});
