import { describe, expect, it } from 'vitest';
import { dateLineOf, foldLetters, isChainOfDateWords } from '../../functions/article/date-lines';
import { extractDateline } from '../../functions/article/dateline';
import { furnitureOf, trailingAgencyCredit } from '../../functions/article/furniture';
import { outletNames } from '../../functions/article/outlet-names';
import { type DayLocale, dayParsersByLocale } from '../../functions/article/parse-day';
import { creditLineOf, dropFurniture, reportingOutlet } from '../../functions/article/text-credit';
import { cleanTitle, firstSentence, isNoTitle, titleFromLead } from '../../functions/article/title';
import { reference } from '../helpers/reference';

const dayLocales = Object.keys(dayParsersByLocale) as DayLocale[];

const outlets = () => outletNames(reference().outletsByHost);
const kind = (line: string) => furnitureOf(line, outlets())?.kind ?? null;
const credit = (line: string) => furnitureOf(line, outlets())?.credit ?? null;

describe('known outlets', () => {
  it('names an outlet however a text writes it', () => {
    const names = outlets();
    expect(names.exact('REUTERS')).toBe('Reuters');
    expect(names.exact('The Associated Press')).toBe('AP');
    expect(names.exact('Agence France-Presse')).toBe('AFP');
    expect(names.exact('ALBAWABA')).toBe('Al Bawaba');
    expect(names.exact('UrduPoint News')).toBe('UrduPoint');
    expect(names.exact('Anadolu Agency')).toBe('Anadolu Agency');
  });

  it('keeps short acronyms to their capitals and common words to their capitalised form', () => {
    const names = outlets();
    expect(names.exact('afp')).toBeNull();
    expect(names.exact('Ap')).toBeNull();
    expect(names.mentions('they threw a punch at the vanguard of the march')).toEqual([]);
    expect(names.mentions('Punch reported it first').map((m) => m.name)).toEqual(['Punch']);
  });

  it('finds the outlet a page header opens with, up to its last word', () => {
    const header = 'The Jerusalem Post - Israel News Middle East Business Opinion';
    expect(outlets().atStart(header)).toEqual({ name: 'The Jerusalem Post', length: 18 });
  });
});

describe('page furniture', () => {
  it('knows a caption by the credit it ends with, and names the credited agency', () => {
    expect(
      kind('Delegates leave the hall in Kisumu, Kenya on May 3, 2026 [Jo Wekesa – Anadolu Agency]'),
    ).toBe('caption');
    expect(
      credit(
        'Delegates leave the hall in Kisumu, Kenya on May 3, 2026 [Jo Wekesa – Anadolu Agency]',
      ),
    ).toBe('Anadolu Agency');
    expect(credit('The envoys meet in Doha / Photo: Reuters')).toBe('Reuters');
    expect(credit('A view of the port, October 1, 2026. REUTERS/Jane Roe/File Photo')).toBe(
      'Reuters',
    );
    expect(credit('Soldiers on parade in Niamey. Télé Sahel/AFP')).toBe('AFP');
    expect(credit('The two leaders shake hands. © ANP/EPA')).toBe('EPA');
    expect(credit('The minister arrives (Jo Roe/Pool Photo via AP/File)')).toBe('AP');
    expect(kind('FILE PHOTO: A cargo ship in the Bosphorus strait')).toBe('caption');
    expect(kind('Photo: Ministry of Infrastructure / Facebook')).toBe('photo-credit');
    expect(credit('Image credit Jo Roe/AFP')).toBe('AFP');
    expect(credit('Talks in the capital on Monday (Photo: AFP)')).toBe('AFP');
    expect(credit('Envoys at the table. Image credit: Anadolu Agency')).toBe('Anadolu Agency');
    expect(credit('(photo credit: REUTERS/Jane Roe)')).toBe('Reuters');
  });

  it('knows link lists, "Read also" lines and their headings', () => {
    expect(kind('CLICK – Ministers meet on migration statistics')).toBe('link');
    expect(kind('Read also: Envoy named to the regional bloc')).toBe('link');
    expect(kind('READ MORE: Talks resume on the river treaty')).toBe('link');
    expect(kind('Also watch | Summit opens in the capital')).toBe('link');
    expect(kind('LIRE AUSSI: Le sommet s’ouvre à Dakar')).toBe('link');
    expect(kind('Read more:')).toBe('link-list-heading');
    expect(kind('Related')).toBe('link-list-heading');
  });

  it('knows prompts, copyright lines, handles, breadcrumbs, time stamps and credit lines', () => {
    expect(kind('Follow us on Telegram for the latest updates')).toBe('prompt');
    expect(kind('For all the latest headlines follow our Google News channel online')).toBe(
      'prompt',
    );
    expect(kind('Sign up for our morning newsletter')).toBe('prompt');
    expect(kind('Leave a comment')).toBe('prompt');
    expect(kind('Your browser does not support the audio element.')).toBe('prompt');
    expect(kind('• Oops!')).toBe('prompt');
    expect(kind('© 2026 Example Media. All rights reserved.')).toBe('copyright');
    expect(kind('(@DeskEditor)')).toBe('handle');
    expect(kind('World / Russia & Central Asia')).toBe('breadcrumb');
    expect(kind('1 hour ago')).toBe('timestamp');
    expect(kind('2 mins read')).toBe('timestamp');
    expect(kind('(Reporting by Jo Roe; Editing by Tom Bright)')).toBe('staff-credits');
    expect(kind('Jo Roe is a correspondent for The Daily Example. Follow her on X.')).toBe(
      'author-bio',
    );
    expect(kind('We did it! pic.twitter.com/abc123 — Jo Roe (@joroe) November 2, 2026')).toBe(
      'embedded-post',
    );
  });

  it('leaves prose alone, even when it mentions photos, sign-ups or an agency', () => {
    for (const line of [
      'Ministers agreed that all five states would sign up to the treaty before the summit.',
      'He described the picture: a region short of water and of trust.',
      'The agency said the photo had been taken in the capital on Monday.',
      'The deal was signed in Istanbul, Turkey on July 22, 2022.',
      'Russia’s invasion of Ukraine | Russia announced that it will withdraw from the deal',
      'Reuters could not independently verify the report.',
    ])
      expect(furnitureOf(line, outlets())).toBeNull();
  });

  it('reads an agency named at the end of a paragraph', () => {
    expect(trailingAgencyCredit('The talks ended on Friday. (ANI)', outlets())?.outlet).toBe('ANI');
    expect(trailingAgencyCredit('The talks ended on Friday. — Xinhua', outlets())?.outlet).toBe(
      'Xinhua',
    );
    expect(
      trailingAgencyCredit('The talks ended on Friday (Monday local time).', outlets()),
    ).toBeNull();
  });
});

describe('furniture in the paragraphs of any format', () => {
  it('drops a one-sentence caption ending in an agency, but keeps a closing credit for the source', () => {
    const { paragraphs, credits } = dropFurniture(
      [
        'People gather at the port in Odesa on July 19, 2026. (AFP)',
        'The ministers met for three hours and agreed to meet again.',
        'Officials said a statement would follow. (ANI)',
      ],
      outlets(),
    );
    expect(paragraphs).toEqual([
      'The ministers met for three hours and agreed to meet again.',
      'Officials said a statement would follow. (ANI)',
    ]);
    expect(credits).toEqual([{ value: 'AFP', from: 'caption-credit' }]);
  });

  it('takes a caption and its credit out of the middle of a paragraph', () => {
    const { paragraphs, credits } = dropFurniture(
      [
        'The corridor opened last year. Graphic showing ships leaving the port since May 1, 2026. Graphic: Jo Roe/AFP The corridor was extended twice.',
      ],
      outlets(),
    );
    expect(paragraphs).toEqual(['The corridor opened last year. The corridor was extended twice.']);
    expect(credits).toEqual([{ value: 'AFP', from: 'caption-credit' }]);
  });

  it('reads a credit line and the outlet a text says it reports from', () => {
    expect(creditLineOf('Reuters', outlets())).toBe('Reuters');
    expect(creditLineOf('Source: AFP', outlets())).toBe('AFP');
    expect(creditLineOf('With inputs from ANI', outlets())).toBe('ANI');
    expect(creditLineOf('Source: Read Full Article', outlets())).toBeNull();
    const reported = (text: string) => reportingOutlet([text], outlets())?.value ?? null;
    expect(
      reported('The borders are closed, the soldiers said, The Associated Press reported.'),
    ).toBe('AP');
    expect(reported('This was reported by the news agency Reuters.')).toBe('Reuters');
    expect(reported('He asked for help, writes CNN.')).toBe('CNN');
    expect(reported('TASS could not immediately verify the claim.')).toBe('TASS');
    expect(reported('The minister told TASS on Monday that talks would go on.')).toBeNull();
  });
});

describe('date lines', () => {
  const at = new Date('2026-11-22T08:00:00Z');
  it('reads a line that is only a date or a stamp, with its keyword', () => {
    expect(dateLineOf('Monday, July 17, 2023', at)).toEqual({
      kind: 'date',
      day: '2023-07-17',
      before: '',
    });
    expect(dateLineOf('Published : 18 July 2023, 10:14 AM', at)?.day).toBe('2023-07-18');
    expect(dateLineOf('Posted at 8:35 AM, Jul 18, 2023', at)?.kind).toBe('published');
    expect(dateLineOf('Last update: July 24, 2024 00:56', at)?.kind).toBe('updated');
    expect(dateLineOf('2023-08-06 | 12:00', at)?.day).toBe('2023-08-06');
    expect(dateLineOf('Updated 12:30 GMT', at)).toEqual({ kind: 'updated', day: null, before: '' });
    expect(dateLineOf('Jo Roe (@joroe) Published July 17, 2023 | 08:36 PM', at)?.before).toBe(
      'Jo Roe (@joroe)',
    );
  });

  it('is no date line when the line says anything else', () => {
    expect(dateLineOf('The deal was signed on July 22, 2022.', at)).toBeNull();
    expect(dateLineOf('On July 17, the Kremlin said it would not renew the deal', at)).toBeNull();
  });

  it('reads stamps in the languages of the press, with their day', () => {
    const stamp = (kind: string, before = '') => ({ kind, day: '2023-07-18', before });
    expect(dateLineOf('Опубликовано: 18 июля 2023 г., 10:14', at)).toEqual(stamp('published'));
    expect(dateLineOf('Обновлено 18.07.2023 в 10:14', at)).toEqual(stamp('updated'));
    expect(dateLineOf('18 липня 2023 року, 10:14', at)).toEqual(stamp('date'));
    expect(dateLineOf('Publié le mardi 18 juillet 2023 à 10h14', at)).toEqual(stamp('published'));
    expect(dateLineOf('Aktualisiert am 18. Juli 2023, 09:41 Uhr', at)).toEqual(stamp('updated'));
    expect(dateLineOf('Actualizado el 18 de julio de 2023 - 09:41 CEST', at)).toEqual(
      stamp('updated'),
    );
    expect(dateLineOf('terça-feira, 18 de julho de 2023', at)).toEqual(stamp('date'));
    expect(dateLineOf('Pubblicato il 18 luglio 2023 alle 10:14', at)).toEqual(stamp('published'));
    expect(dateLineOf('Jo Roe and Al Poe (@joroe) Published 18 July 2023', at)).toEqual(
      stamp('published', 'Jo Roe and Al Poe (@joroe)'),
    );
    expect(
      dateLineOf('Published on Tuesday 18th of July 2023 at 10:14 a.m. local time', at)?.day,
    ).toBe('2023-07-18');
    expect(dateLineOf('Updated 3 hours ago', at)).toEqual({
      kind: 'updated',
      day: null,
      before: '',
    });
  });

  it('is no date line for a caption or a sentence with a date inside, in any language', () => {
    for (const line of [
      'A woman walks past a damaged building in Kharkiv on 18 July 2023 (Photo: Jo Roe)',
      'Ministers met in Astana on Tuesday, July 18, 2023, to talk about water',
      'Updated: talks resume in Doha on 18 July 2023',
      'Published 18 July 2023 by the foreign ministry',
      'Министры встретились в Астане 18 июля 2023 года',
      'Міністри зустрілися в Астані 18 липня 2023 року',
      'Les ministres se sont réunis à Astana le 18 juillet 2023',
      'Die Minister trafen sich am 18. Juli 2023 in Astana',
      'Los ministros se reunieron en Astaná el 18 de julio de 2023',
      'I ministri si sono riuniti ad Astana il 18 luglio 2023',
      '会谈于2023年7月18日在阿斯塔纳举行',
    ])
      expect(dateLineOf(line, at), line).toBeNull();
  });

  it("tells chrono's words, run together or not, from the words of a sentence", () => {
    const spelled = (word: string) =>
      dayLocales.some((locale) => isChainOfDateWords(foldLetters(word), locale));
    for (const word of ['July', 'JUILLET', 'Июля', 'липня', 'Dienstag', 'miércoles', 'EEST'])
      expect(spelled(word), word).toBe(true);
    expect(spelled('lastweek')).toBe(true);
    expect(spelled('ſunday')).toBe(true);
    for (const word of ['Kremlin', 'talks', 'Reuters', 'foreign', 'réunis', 'встретились'])
      expect(spelled(word), word).toBe(false);
  });

  it("asks each locale's parser only for lines made of its own words", () => {
    const spelledIn = (word: string, locale: DayLocale) =>
      isChainOfDateWords(foldLetters(word), locale);
    expect(spelledIn('juillet', 'fr')).toBe(true);
    expect(spelledIn('juillet', 'en')).toBe(false);
    expect(spelledIn('июля', 'ru')).toBe(true);
    expect(spelledIn('июля', 'de')).toBe(false);
    // Time zones and the filler's words belong to every locale.
    for (const locale of dayLocales) {
      expect(spelledIn('GMT', locale), locale).toBe(true);
      expect(spelledIn('Monday', locale), locale).toBe(true);
    }
    // Lines every locale's words rule out, and lines only one can read, read as before.
    const at = new Date('2026-11-22T08:00:00Z');
    expect(dateLineOf('http://amzn.to/2hYHawj', at)).toBeNull();
    expect(dateLineOf('1 tsp ground ginger', at)).toBeNull();
    expect(dateLineOf('18 juillet 2023, 10:14', at)?.day).toBe('2023-07-18');
    expect(dateLineOf('Опубликовано 18 июля 2023 года', at)?.day).toBe('2023-07-18');
    expect(dateLineOf('Aggiornato il 18 luglio 2023 alle 10:14', at)).toMatchObject({
      kind: 'updated',
      day: '2023-07-18',
    });
  });
});

describe('titles', () => {
  it('is no title when it is a date, a stamp, a handle, a site, a section or a caption', () => {
    for (const text of [
      'Monday, July 15, 2024',
      'July 18, 2023',
      '1 hour ago',
      'Last update: July 24, 2024 00:56',
      'Updated 12:30 GMT',
      '(@ChaudhryMAli88)',
      'World',
      'Politics',
      'Africa',
      'Reuters',
      'The Jerusalem Post - Israel News Middle East Business',
      'The envoys meet in Doha / Photo: Reuters',
    ])
      expect(isNoTitle(text, outlets()), text).toBe(true);
    expect(isNoTitle('Ministers meet in Astana on water', outlets())).toBe(false);
  });

  it('takes the crumbs off a headline', () => {
    expect(cleanTitle('- UN chief regrets the end of the grain deal', outlets())).toBe(
      'UN chief regrets the end of the grain deal',
    );
    expect(cleanTitle('(Reuters) - Leaders press for a peace plan', outlets())).toBe(
      'Leaders press for a peace plan',
    );
    expect(cleanTitle('Russia halts grain deal | Reuters', outlets())).toBe(
      'Russia halts grain deal',
    );
    expect(cleanTitle('Flights From Niger Land In Paris - Foreign Ministry', outlets())).toBe(
      'Flights From Niger Land In Paris - Foreign Ministry',
    );
  });

  it('cuts a lead-derived title at the first sentence, not at an abbreviation', () => {
    expect(firstSentence('In St. Petersburg, Mr. Putin hosts U.S. guests. Then more.')).toBe(
      'In St. Petersburg, Mr. Putin hosts U.S. guests.',
    );
    expect(titleFromLead(['In St. Petersburg, the summit opened. It lasts two days.'])).toEqual({
      value: 'In St. Petersburg, the summit opened',
      from: 'lead-sentence',
    });
  });
});

describe('datelines that carry an outlet', () => {
  const known = () => false;
  const lead = 'Ministers agreed to meet again in the spring.';
  const dateline = (paragraph: string) => extractDateline([paragraph], known, outlets());

  it('takes off "PLACE (Outlet / Agency - day)", crediting the agency and keeping the day', () => {
    const found = dateline(`UNITED NATIONS (Steppe News / Sputnik - 31st August, 2026) ${lead}`);
    expect(found.dateline).toEqual({
      place: 'UNITED NATIONS',
      dayText: '31st August, 2026',
      credit: { value: 'Sputnik', from: 'dateline-credit' },
    });
    expect(found.paragraphs).toEqual([lead]);
  });

  it('takes off "(Reuters) -", "Place [Country], day (ANI):", "Place | Xinhua |" and "ALBAWABA -"', () => {
    expect(dateline(`(Reuters) -${lead}`).dateline?.credit?.value).toBe('Reuters');
    expect(dateline(`(Reuters) -${lead}`).paragraphs).toEqual([lead]);
    const ani = dateline(`New Delhi [India], November 17 (ANI): ${lead}`);
    expect(ani.dateline).toMatchObject({ place: 'New Delhi', dayText: 'November 17' });
    expect(ani.dateline?.credit?.value).toBe('ANI');
    expect(dateline(`Berlin, Germany | Xinhua | ${lead}`).dateline?.credit?.value).toBe('Xinhua');
    expect(dateline(`ALBAWABA - ${lead}`).dateline?.credit?.value).toBe('Al Bawaba');
    expect(dateline(`ALBAWABA - ${lead}`).paragraphs).toEqual([lead]);
  });

  it('leaves an unknown name in capitals before a dash alone', () => {
    expect(dateline(`BREAKING - ${lead}`).dateline).toBeNull();
  });
});

describe('an agency named inside a sentence', () => {
  it('is neither a caption nor a closing credit', () => {
    const sentence = 'The statement was carried by the official news agency (IRNA).';
    expect(trailingAgencyCredit(sentence, outlets())).toBeNull();
    const { paragraphs } = dropFurniture([sentence, 'The talks resume on Monday.'], outlets());
    expect(paragraphs).toEqual([sentence, 'The talks resume on Monday.']);
  });
});

describe('a caption with its credit in parentheses', () => {
  it('is a caption however the credit is labelled', () => {
    const line =
      'A view shows the damaged terminal in the port of Izmail, Ukraine November 2, 2026. (photo credit: REUTERS/Jo Roe)';
    expect(furnitureOf(line, outlets())).toEqual({ kind: 'caption', credit: 'Reuters' });
  });
});

describe('outlets named like common words', () => {
  it('are not named by the common word alone', () => {
    const names = outlets();
    expect(names.exact('National')).toBeNull();
    expect(names.exact('The National')).toBe('The National');
    expect(names.exact('Sky')).toBeNull();
    expect(names.exact('Sky News')).toBe('Sky News');
    expect(names.exact('Jerusalem Post')).toBe('The Jerusalem Post');
    expect(creditLineOf('Independent', names)).toBeNull();
  });
});
