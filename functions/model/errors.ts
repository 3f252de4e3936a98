/** Base of every error this project throws on purpose; `cause` keeps the underlying error. */
export class BriefError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/**
 * An upload that can never become an article (empty, binary, unsupported…). Permanent:
 * record the reason, keep the original, move on. The message is what the uploader reads.
 */
export class ArticleRejectedError extends BriefError {}

/** The store failed (network, permissions). Retryable: rethrow so Lambda retries. */
export class StoreError extends BriefError {}

/** A configuration or reference-data problem a user must fix; the message names the file or variable. */
export class ConfigError extends BriefError {}

/**
 * An event could not be handed to the function that handles it (Lambda's invoke failed).
 * Retryable: rethrow so Lambda retries the event, then the failure queue keeps it.
 */
export class ForwardError extends BriefError {}
