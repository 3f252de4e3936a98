import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { mockClient } from 'aws-sdk-client-mock';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { ConfigError } from '../../functions/model/errors';
import type { BriefModel } from '../../functions/model/types';
import type { PipelineDeps } from '../../functions/pipeline/pipeline-deps';
import { deliverySettingsFromEnv } from '../../functions/setup/config';
import { makeDeliveryStep } from '../../functions/setup/make-delivery-step';
import { readManifest } from '../../functions/store/brief-manifest';
import { seedBrief } from './delivery-helpers';

describe('delivery settings from the environment', () => {
  it('has defaults for every variable', () => {
    expect(deliverySettingsFromEnv({})).toEqual({
      recipientsKey: 'config/recipients.yaml',
      from: null,
      smtpUrl: null,
      configurationSet: null,
      topicArn: null,
      linkSeconds: 86400,
      attempts: 3,
      bucket: null,
      s3Endpoint: null,
      warnings: [],
    });
  });

  it('names a link lifetime beyond what S3 allows', () => {
    expect(() => deliverySettingsFromEnv({ BRIEF_LINK_HOURS: '200' })).toThrow(ConfigError);
    expect(() => deliverySettingsFromEnv({ BRIEF_LINK_HOURS: '200' })).toThrow(/at most 168 hours/);
    expect(() => deliverySettingsFromEnv({ BRIEF_SEND_ATTEMPTS: 'x' })).toThrow(
      /BRIEF_SEND_ATTEMPTS=x: expected a positive number/,
    );
    expect(deliverySettingsFromEnv({ BRIEF_LINK_HOURS: '1.5' }).linkSeconds).toBe(5400);
  });

  it('takes a topic ARN, and no topic from what serverless-offline makes of a !Ref', () => {
    const arn = 'arn:aws:sns:eu-west-1:123456789012:daily-brief-dev-brief-published';
    expect(deliverySettingsFromEnv({ BRIEF_TOPIC_ARN: arn }).topicArn).toBe(arn);
    const offline = deliverySettingsFromEnv({ BRIEF_TOPIC_ARN: '[object Object]' });
    expect(offline.topicArn).toBeNull();
    expect(offline.warnings).toEqual([
      'BRIEF_TOPIC_ARN=[object Object] is not an SNS topic ARN: no "brief published" announcement',
    ]);
  });
});

describe('the Lambda delivery step (SES and SNS mocked, recipients in the store)', () => {
  const ses = mockClient(SESv2Client);
  const sns = mockClient(SNSClient);
  let model: BriefModel;
  let deps: PipelineDeps;

  beforeAll(async () => {
    vi.stubEnv('AWS_REGION', 'eu-west-1');
    vi.stubEnv('AWS_ACCESS_KEY_ID', 'AKIDEXAMPLE');
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'example-secret');
    ({ model, deps } = await seedBrief());
  });
  afterAll(() => vi.unstubAllEnvs());
  beforeEach(() => {
    ses.reset();
    sns.reset();
    ses.on(SendEmailCommand).resolves({ MessageId: 'ses-1' });
    sns.on(PublishCommand).resolves({ MessageId: 'sns-1' });
  });

  const step = () =>
    makeDeliveryStep(
      deliverySettingsFromEnv({
        BRIEF_BUCKET: 'daily-brief-prod-123456789012',
        BRIEF_MAIL_FROM: 'Daily Brief <brief@example.org>',
        BRIEF_TOPIC_ARN: 'arn:aws:sns:eu-west-1:123456789012:brief-published',
        BRIEF_LINK_HOURS: '12',
      }),
      deps,
    );

  it('e-mails nobody without a recipients file, but still announces', async () => {
    const report = await step()(model);
    expect(report.lists).toEqual([]);
    expect(report.announcement).toBe('published');
    expect(ses.commandCalls(SendEmailCommand)).toHaveLength(0);
  });

  it('reads config/recipients.yaml and sends each list, linking a pre-signed URL', async () => {
    await deps.store.put(
      'config/recipients.yaml',
      'lists:\n  - {name: everyone, to: [staff@example.org]}\n  - {name: central-asia, to: [ca@example.org], actors: [KAZ, UZB]}\n',
    );
    const report = await step()(model);
    expect(report.lists.map((l) => [l.list, l.status])).toEqual([
      ['everyone', 'sent'],
      ['central-asia', 'sent'],
    ]);
    const calls = ses.commandCalls(SendEmailCommand).map((c) => c.args[0].input);
    expect(calls.map((c) => c.Destination?.ToAddresses)).toEqual([
      ['staff@example.org'],
      ['ca@example.org'],
    ]);
    const mail = await simpleParser(Buffer.from(calls[0]?.Content?.Raw?.Data as Uint8Array));
    const href = /href="([^"]+)">Open the full brief/.exec(mail.html as string)?.[1] ?? '';
    const url = new URL(href.replace(/&amp;/g, '&'));
    expect(url.hostname).toBe('daily-brief-prod-123456789012.s3.eu-west-1.amazonaws.com');
    // The published build's own page: what was e-mailed, whatever is published later.
    const build = (await readManifest(deps.store, model.edition))?.manifest.build;
    expect(url.pathname).toBe(`/briefs/${model.edition}/builds/${build}/brief.html`);
    expect(url.searchParams.get('X-Amz-Expires')).toBe('43200');
    expect(mail.html).toContain('(link valid until 2026-11-22 19:30 UTC)');
    const desk = await simpleParser(Buffer.from(calls[1]?.Content?.Raw?.Data as Uint8Array));
    expect(desk.subject).toMatch(/^Daily Diplomatic Brief, /);
    expect((desk.html as string).length).toBeLessThan((mail.html as string).length);
    // A desk's link opens the desk's own brief, stored beside the build.
    const deskHref = /href="([^"]+)">Open the full brief/.exec(desk.html as string)?.[1] ?? '';
    const deskKey = `briefs/${model.edition}/builds/${build}/lists/central-asia.html`;
    expect(new URL(deskHref.replace(/&amp;/g, '&')).pathname).toBe(`/${deskKey}`);
    const stored = new TextDecoder().decode((await deps.store.get(deskKey)) ?? new Uint8Array());
    expect(stored).toContain('<html');
    // Run again: nothing is sent twice.
    const again = await step()(model);
    expect(again.lists.map((l) => l.status)).toEqual(['already-sent', 'already-sent']);
    expect(ses.commandCalls(SendEmailCommand)).toHaveLength(2);
  });

  it('promises no longer than the credentials that signed the link last', async () => {
    await deps.store.put(
      'config/recipients.yaml',
      'lists:\n  - {name: session, to: [staff@example.org]}\n',
    );
    vi.stubEnv('AWS_SESSION_TOKEN', 'session-token');
    // Credentials that expire two hours after the send: the link is signed for two hours.
    vi.stubEnv('AWS_CREDENTIAL_EXPIRATION', '2026-11-22T09:30:00Z');
    try {
      await step()(model);
      let raw = ses.commandCalls(SendEmailCommand).at(-1)?.args[0].input.Content?.Raw?.Data;
      let mail = await simpleParser(Buffer.from(raw as Uint8Array));
      const href = /href="([^"]+)">Open the full brief/.exec(mail.html as string)?.[1] ?? '';
      expect(new URL(href.replace(/&amp;/g, '&')).searchParams.get('X-Amz-Expires')).toBe('7200');
      expect(mail.html).toContain('(link valid until 2026-11-22 09:30 UTC)');
      // A session whose expiry the SDK is not told (Lambda's): the message says so.
      vi.stubEnv('AWS_CREDENTIAL_EXPIRATION', '');
      await step()(model, { resend: true });
      raw = ses.commandCalls(SendEmailCommand).at(-1)?.args[0].input.Content?.Raw?.Data;
      mail = await simpleParser(Buffer.from(raw as Uint8Array));
      expect(mail.html).toMatch(
        /until 2026-11-22 19:30 UTC at the latest, or until the credentials that signed it expire, which may be sooner/,
      );
      expect(mail.text).toMatch(/which may be sooner; the attached PDF always opens/);
    } finally {
      vi.stubEnv('AWS_SESSION_TOKEN', '');
      vi.stubEnv('AWS_CREDENTIAL_EXPIRATION', '');
    }
  });

  it('refuses a broken recipients file with its name and the problem', async () => {
    await deps.store.put('config/recipients.yaml', 'lists:\n  - {name: x, to: [nobody]}\n');
    await expect(step()(model)).rejects.toThrow(
      /config\/recipients\.yaml: \/lists\/0\/to\/0: "nobody" is not an e-mail address/,
    );
  });
});
