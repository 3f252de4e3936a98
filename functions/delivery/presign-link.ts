import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { BriefLink } from '../render/text/plain-text';

/**
 * A pre-signed GET URL of an object of the bucket, for readers who have no AWS access.
 * Signing is local (no request is made). A URL signed with temporary credentials (a Lambda
 * role) stops working when those credentials expire, whatever `seconds` says.
 */
export function makeLinker(options: {
  client: S3Client;
  bucket: string;
  seconds: number;
  clock: () => Date;
}): (key: string) => Promise<BriefLink> {
  return async (key) => {
    const url = await getSignedUrl(
      options.client,
      new GetObjectCommand({ Bucket: options.bucket, Key: key }),
      { expiresIn: options.seconds, signingDate: options.clock() },
    );
    return { url, expires: new Date(options.clock().getTime() + options.seconds * 1000) };
  };
}
