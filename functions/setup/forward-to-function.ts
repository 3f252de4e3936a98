import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { ForwardError } from '../model/errors';
import { decodeS3Key, type S3Event } from '../model/s3-event';

/** Hands an S3 event to another function, which handles it on its own. */
export type ForwardEvent = (event: S3Event) => Promise<void>;

/**
 * Forwards events to the Lambda function `functionName` as asynchronous invocations, as S3's
 * own notification would: Lambda queues each one, retries the function twice on failure and
 * then hands it to the function's failure destination. Throws `ForwardError` when Lambda did not
 * take the event, so the caller's own retries send it again (the receiver is idempotent).
 */
export function forwardToFunction(functionName: string, client?: LambdaClient): ForwardEvent {
  // Made at the first hand-over: a cold start that reads only text never pays for it (~7 ms).
  let lambda = client;
  return async (event) => {
    lambda ??= new LambdaClient({});
    const keys = event.Records.map((record) => decodeS3Key(record.s3.object.key)).join(', ');
    const failed = (reason: string, cause?: unknown) =>
      new ForwardError(`could not hand ${keys} to the function ${functionName}: ${reason}`, {
        cause,
      });
    let status: number | undefined;
    try {
      const answer = await lambda.send(
        new InvokeCommand({
          FunctionName: functionName,
          InvocationType: 'Event',
          Payload: new TextEncoder().encode(JSON.stringify(event)),
        }),
      );
      status = answer.StatusCode;
    } catch (error) {
      throw failed((error as Error).message, error);
    }
    if (status !== 202) throw failed(`Lambda answered ${status ?? 'nothing'}, not 202 (queued)`);
  };
}
