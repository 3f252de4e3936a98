/** Sorted, de-duplicated numbers with runs of three or more collapsed: "1–4, 7, 9". */
export function numberList(numbers: readonly number[]): string {
  const sorted = [...new Set(numbers)].filter(Number.isFinite).sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && (sorted[j + 1] as number) === (sorted[j] as number) + 1) j++;
    const [first, last] = [sorted[i] as number, sorted[j] as number];
    if (j - i >= 2) parts.push(`${first}–${last}`);
    else parts.push(...sorted.slice(i, j + 1).map(String));
    i = j + 1;
  }
  return parts.join(', ');
}
