/** The parts of s3rver's own filesystem store that infra/local/s3rver-store.ts extends. */
declare module 's3rver/lib/stores/filesystem' {
  export default class FilesystemStore {
    constructor(rootDirectory: string);
    rootDirectory: string;
    getBucketPath(bucket: string): string;
    getResourcePath(bucket: string, key?: string, resource?: string): string;
    getMetadata(bucket: string, key: string): Promise<Record<string, string>>;
    getObject(bucket: string, key: string, options?: unknown): Promise<unknown>;
    copyObject(
      srcBucket: string,
      srcKey: string,
      destBucket: string,
      destKey: string,
      replacementMetadata?: Record<string, string>,
    ): Promise<unknown>;
  }
}

/** s3rver's object model, as its store returns objects in listings. */
declare module 's3rver/lib/models/object' {
  export default class S3Object {
    constructor(bucket: string, key: string, content: null, metadata: Record<string, string>);
    static ALLOWED_METADATA: string[];
  }
}
