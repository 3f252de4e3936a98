import type { Store } from '../store/store';
import type { RetryPolicy } from './retry';

/**
 * What delivery logs through: the functions' Powertools `logger` (setup/log.ts) in Lambda,
 * a silent one in the CLI, a recording one in tests. Delivery may not import setup (see the
 * architecture test), so it names the methods of that logger it uses.
 */
export interface DeliveryLogger {
  info(message: string, fields: Record<string, unknown>): void;
  warn(message: string, fields: Record<string, unknown>): void;
  error(message: string, fields: Record<string, unknown>): void;
}

export const silentLogger: DeliveryLogger = { info() {}, warn() {}, error() {} };

/** What every delivery step uses: the store for its records, the clock, bounded retries, the log. */
export interface DeliveryContext {
  store: Store;
  clock: () => Date;
  retry: RetryPolicy;
  logger: DeliveryLogger;
}
