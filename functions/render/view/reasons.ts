import type { BriefModel } from '../../model/types';

/**
 * The rejected uploads with their reasons as printed under the key: reasons are written to
 * stand alone ("<key>: …"), and under the key that prefix is noise.
 */
export function rejectedView(rejected: BriefModel['rejected']): BriefModel['rejected'] {
  return rejected.map(({ key, reason }) => ({
    key,
    reason: reason.startsWith(`${key}: `) ? reason.slice(key.length + 2) : reason,
  }));
}
