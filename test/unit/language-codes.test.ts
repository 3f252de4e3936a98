import { iso6393 as full } from 'iso-639-3';
import { describe, expect, it } from 'vitest';
import { languageName } from '../../functions/brief/other-languages';
import { iso6393 } from '../../functions/text/language-codes';
import { francCodes, languageRows } from '../../infra/language-codes';

describe('the committed language table (functions/text/language-codes.ts)', () => {
  it('is what infra/language-codes.ts makes from iso-639-3 and franc-min', () => {
    expect(iso6393).toEqual(languageRows());
  });

  it('has every ISO 639-1 language and every code franc-min returns, as iso-639-3 has them', () => {
    const wanted = full.filter((l) => l.iso6391 || francCodes().has(l.iso6393));
    expect(iso6393.map((l) => l.iso6393)).toEqual(wanted.map((l) => l.iso6393));
    expect(iso6393.length).toBeGreaterThan(180);
  });

  it('names languages by 639-1 and by the 639-3 codes franc returns', () => {
    expect(languageName('fr')).toBe('French');
    expect(languageName('el')).toBe('Modern Greek');
    expect(languageName('cmn')).toBe('Mandarin Chinese');
    expect(languageName('xx')).toBe('xx');
  });
});
