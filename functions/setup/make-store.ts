import { makeS3Client } from '../store/s3-client';
import { S3Store } from '../store/s3-store';
import type { Store } from '../store/store';
import type { StoreSettings } from './config';

/** The Lambda store: the bucket, through an S3-compatible endpoint when one is set, else AWS itself. */
export function makeBucketStore(settings: StoreSettings): Store {
  const client = makeS3Client(settings.endpoint ? { endpoint: settings.endpoint } : {});
  return new S3Store({ client, bucket: settings.bucket });
}
