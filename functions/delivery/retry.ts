import { DeliveryError } from './errors';

/** Bounded retries of one send or publish, within one run. */
export interface RetryPolicy {
  attempts: number;
  /** Wait before attempt n+1 is `backoffMs * 4^(n-1)`. */
  backoffMs: number;
  sleep: (ms: number) => Promise<void>;
}

/** The outcome of an action tried up to `attempts` times: its value, or the last error. */
export type Attempted<T> =
  | { ok: true; value: T; attempts: number }
  | { ok: false; error: DeliveryError; attempts: number };

/**
 * Runs `action` until it succeeds, fails permanently (`DeliveryError.permanent`) or has used
 * the policy's attempts; any other error is wrapped in a `DeliveryError`. Never throws.
 */
export async function withRetries<T>(
  policy: RetryPolicy,
  action: () => Promise<T>,
): Promise<Attempted<T>> {
  let attempts = 0;
  for (;;) {
    attempts += 1;
    try {
      return { ok: true, value: await action(), attempts };
    } catch (err) {
      const error = asDeliveryError(err);
      if (error.permanent || attempts >= policy.attempts) return { ok: false, error, attempts };
      await policy.sleep(policy.backoffMs * 4 ** (attempts - 1));
    }
  }
}

function asDeliveryError(err: unknown): DeliveryError {
  if (err instanceof DeliveryError) return err;
  return new DeliveryError(err instanceof Error ? err.message : String(err), { cause: err });
}

/** Real waiting, for the Lambda and the CLI. */
export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
