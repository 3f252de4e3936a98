/** The keys s3rver accepts. */
export const s3rverCredentials = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

/**
 * The environment a packaged handler runs with in a child process: Lambda's task root and
 * region, the bucket on the local S3 server, quiet logs, and nothing else of this process.
 */
export function packagedHandlerEnv(
  taskRoot: string,
  bucket: string,
  endpoint: string,
): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    LAMBDA_TASK_ROOT: taskRoot,
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: s3rverCredentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: s3rverCredentials.secretAccessKey,
    BRIEF_BUCKET: bucket,
    S3_ENDPOINT: endpoint,
    BRIEF_LOG: 'silent',
  };
}
