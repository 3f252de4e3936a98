import { franc } from 'franc-min';
import { iso6393 } from '../text/language-codes';

const toIso6391 = new Map(
  iso6393.filter((l) => l.iso6391).map((l) => [l.iso6393, l.iso6391 as string]),
);

/** ISO 639-1 code of the text's language (`en`), or `und` when it cannot be told. */
export function detectLanguage(text: string): string {
  const code = franc(text.slice(0, 4000), { minLength: 20 });
  return toIso6391.get(code) ?? 'und';
}
