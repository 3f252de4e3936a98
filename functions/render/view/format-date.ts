const months = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/**
 * "2026-11-22" (or a full ISO timestamp) as "22 November 2026", the form policy staff read
 * without thinking about day/month order; null when it is not a real calendar date. Parsed by
 * hand so the output never depends on the machine's time zone. Shared by the HTML and PDF.
 */
export function formatIsoDate(iso: string | null): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso ?? '');
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth) return null;
  return `${day} ${months[month - 1]} ${year}`;
}

/** "06:00" from an ISO timestamp, read in UTC so every reader sees the same time; null if none. */
export function formatUtcTime(iso: string | null): string | null {
  const date = new Date(iso ?? '');
  return Number.isNaN(date.getTime()) ? null : date.toISOString().slice(11, 16);
}
