import { Logger } from '@aws-lambda-powertools/logger';
import { logLevelFromEnv } from './config';

/**
 * The one logger of the functions: Powertools JSON lines (level, message, timestamp, service,
 * the Lambda request id once `addContext` ran, and the keys the handlers append: `key`,
 * `articleId`, `edition`), so CloudWatch Logs Insights can filter on any of them.
 * `BRIEF_LOG` (debug, info, warn, error, silent; default info) sets the level. Delivery gets
 * it in its deps (`logger`), as it may not import this folder.
 */
export const logger = new Logger({ serviceName: 'daily-brief', logLevel: logLevelFromEnv() });

/**
 * Runs `work` with `keys` added to every line it logs, and takes them off afterwards, so the
 * keys of one S3 record never leak into the lines of the next.
 */
export async function withLogKeys<T>(
  keys: Record<string, string | undefined>,
  work: (add: (more: Record<string, string | undefined>) => void) => Promise<T>,
): Promise<T> {
  const added = new Set<string>();
  const add = (more: Record<string, string | undefined>) => {
    for (const [name, value] of Object.entries(more)) {
      if (value === undefined) continue;
      logger.appendKeys({ [name]: value });
      added.add(name);
    }
  };
  add(keys);
  try {
    return await work(add);
  } finally {
    logger.removeKeys([...added]);
  }
}
