import { PublishCommand, type SNSClient } from '@aws-sdk/client-sns';
import { DeliveryError } from './errors';
import type { Publisher } from './mail-sender';

/** Publishes the "brief published" announcement to an SNS topic (ARN from BRIEF_TOPIC_ARN). */
export class SnsPublisher implements Publisher {
  constructor(
    private readonly client: SNSClient,
    private readonly topicArn: string,
  ) {}

  async publish(announcement: {
    subject: string;
    message: string;
    attributes: Record<string, string>;
  }): Promise<{ messageId: string | null }> {
    try {
      const out = await this.client.send(
        new PublishCommand({
          TopicArn: this.topicArn,
          // SNS subjects: at most 100 characters, no line breaks.
          Subject: announcement.subject.replace(/\s+/g, ' ').slice(0, 100),
          Message: announcement.message,
          MessageAttributes: Object.fromEntries(
            Object.entries(announcement.attributes).map(([name, value]) => [
              name,
              { DataType: 'String', StringValue: value },
            ]),
          ),
        }),
      );
      return { messageId: out.MessageId ?? null };
    } catch (err) {
      const name = err instanceof Error ? err.name : 'Error';
      const reason = err instanceof Error ? err.message : String(err);
      const permanent = [
        'NotFoundException',
        'AuthorizationErrorException',
        'InvalidParameterException',
      ].includes(name);
      throw new DeliveryError(
        `SNS Publish to ${this.topicArn} failed: ${name}: ${reason}${name === 'AuthorizationErrorException' ? ' (check the compile role may sns:Publish to BRIEF_TOPIC_ARN)' : ''}`,
        { cause: err, permanent },
      );
    }
  }
}
