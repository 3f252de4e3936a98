import { BriefError } from '../model/errors';

/**
 * A message could not be sent or an announcement not published. `permanent` failures
 * (address rejected, sender not verified) are not retried: retrying cannot fix them.
 */
export class DeliveryError extends BriefError {
  readonly permanent: boolean;

  constructor(message: string, options: { cause?: unknown; permanent?: boolean } = {}) {
    super(message, { cause: options.cause });
    this.permanent = options.permanent ?? false;
  }
}
