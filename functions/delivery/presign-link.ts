import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { BriefLink } from '../render/text/plain-text';

/**
 * A pre-signed GET URL of an object of the bucket, for readers who have no AWS access.
 * Signing is local (no request is made). A URL works until the earlier of its own expiry and
 * the expiry of the credentials that signed it: signed with temporary credentials (a Lambda
 * role's session), it dies with them, whatever `seconds` says. So the link's `expires` is
 * capped at the credentials' expiration when the SDK knows it, and when it does not (Lambda
 * hands its role's session to the function without its expiry), the link says that it may end
 * sooner (`mayEndSooner`), and the message says so in words.
 */
export function makeLinker(options: {
  client: S3Client;
  bucket: string;
  seconds: number;
  clock: () => Date;
}): (key: string) => Promise<BriefLink> {
  return async (key) => {
    const now = options.clock();
    const credentials = await options.client.config.credentials();
    const requested = now.getTime() + options.seconds * 1000;
    const expiration = credentials.expiration?.getTime();
    const until = expiration !== undefined && expiration < requested ? expiration : requested;
    const url = await getSignedUrl(
      options.client,
      new GetObjectCommand({ Bucket: options.bucket, Key: key }),
      { expiresIn: Math.max(1, Math.floor((until - now.getTime()) / 1000)), signingDate: now },
    );
    const temporary = Boolean(credentials.sessionToken);
    return {
      url,
      expires: new Date(until),
      ...(temporary && expiration === undefined ? { mayEndSooner: true } : {}),
    };
  };
}
