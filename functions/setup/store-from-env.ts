import { ConfigError } from '../model/errors';
import { makeS3Client } from '../store/s3-client';
import { S3Store } from '../store/s3-store';
import type { Store } from '../store/store';

/**
 * The Lambda store: the bucket in BRIEF_BUCKET, through S3_ENDPOINT when set (a local
 * S3-compatible server), else AWS itself.
 */
export function storeFromEnv(env: Record<string, string | undefined> = process.env): Store {
  const bucket = env.BRIEF_BUCKET;
  if (!bucket)
    throw new ConfigError(
      'BRIEF_BUCKET is not set; it names the bucket the functions read and write',
    );
  const client = makeS3Client(env.S3_ENDPOINT ? { endpoint: env.S3_ENDPOINT } : {});
  return new S3Store({ client, bucket });
}
