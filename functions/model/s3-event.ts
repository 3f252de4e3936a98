/** The part of an S3 notification the ingest handlers read (AWS and S3-compatible servers alike). */
export interface S3Event {
  Records: S3EventRecord[];
}

export interface S3EventRecord {
  eventTime?: string;
  s3: {
    object: { key: string; versionId?: string | null; eTag?: string; sequencer?: string };
  };
}

/** S3 event keys are URL-encoded with '+' for spaces. */
export function decodeS3Key(key: string): string {
  return decodeURIComponent(key.replace(/\+/g, ' '));
}
