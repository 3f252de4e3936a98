import { S3Client, type S3ClientConfig } from '@aws-sdk/client-s3';

export interface S3ClientOptions {
  /** An S3-compatible server (`http://127.0.0.1:4568`); omit for AWS itself. */
  endpoint?: string;
  /** Omit to let the SDK read `AWS_REGION` (always set in Lambda); a local endpoint defaults to us-east-1. */
  region?: string;
  /** Omit to use the SDK's default chain (the function role in Lambda). */
  credentials?: S3ClientConfig['credentials'];
}

/**
 * The one place S3 clients are made, for the handlers, the CLI and the tests alike.
 *
 * Checksums are computed and validated only when an operation requires them: the SDK's default
 * (checksummed, aws-chunked streaming uploads) is silently corrupted by s3rver and rejected by
 * radosgw. Path-style addressing is forced when an endpoint is set, since local servers have no
 * per-bucket DNS names. Each command's middleware stack is resolved once per client, not at
 * every request (`cacheMiddleware`): nothing here changes a stack after the first request (the
 * presigner resolves its own), and a compile's ~1,000 GETs from scratch spend ~14 % less CPU
 * in the SDK (read stage against s3rver, medians of 8: 0.91 → 0.78 s).
 */
export function makeS3Client({ endpoint, region, credentials }: S3ClientOptions = {}): S3Client {
  return new S3Client({
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    cacheMiddleware: true,
    ...(endpoint ? { endpoint, forcePathStyle: true, region: region ?? 'us-east-1' } : {}),
    ...(region ? { region } : {}),
    ...(credentials ? { credentials } : {}),
  });
}
