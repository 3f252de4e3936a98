import { readFileSync } from 'node:fs';

/**
 * This process's peak resident memory, in KB: Linux's `VmHWM`, the high-water mark of this
 * process's own memory. Not `process.resourceUsage().maxRSS` where /proc has it: on Linux that
 * figure keeps the parent's resident size at the moment it forked this process, so a child of a
 * 400 MB process reports at least 400 MB however little it uses.
 */
export function peakRssKb(): number {
  try {
    const found = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (found?.[1]) return Number(found[1]);
  } catch {
    // Not Linux: maxRSS below.
  }
  return process.resourceUsage().maxRSS;
}
