import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { findActorMentions } from '../../functions/analysis/find-actors';
import { parseUpload } from '../helpers/parse';
import { reference } from '../helpers/reference';

const actorsOf = (sentence: string) => [
  ...new Set(findActorMentions(sentence, reference()).map((m) => m.actor)),
];

describe('actor resolution (docs/design.md rules)', () => {
  it.each([
    ['Moscow said it would not rush to recognise the new government.', 'RUS'],
    ['Beijing has expressed interest in working with the group.', 'CHN'],
    ['The Kremlin declined to comment.', 'RUS'],
    ['The White House announced new measures.', 'USA'],
    ['Downing Street said the talks were useful.', 'GBR'],
    ['Russian officials met the delegation.', 'RUS'],
    ['The Chinese foreign ministry issued a statement.', 'CHN'],
    ['Lavrov spoke by phone on Monday.', 'RUS'],
    ['Wang Yi met the envoy.', 'CHN'],
    ['Blinken called his counterparts.', 'USA'],
    ['Hua Chunying told reporters the embassy was open.', 'CHN'],
    ['Kabulov told Reuters the staff had not been evacuated.', 'RUS'],
    ['The government in Kabul rejected the offer.', 'AFG'],
    ['The offensive targeted Afghan government forces.', 'AFG'],
    ['Ashraf Ghani said he had stepped down.', 'AFG'],
    ['The Taliban took control of the capital.', 'TALIBAN'],
    ['The Taleban took control of the capital.', 'TALIBAN'],
    ['Daesh claimed the attack.', 'ISIS'],
    ['The U.S. and the U.K. issued a joint statement.', 'USA'],
    ['Britain will host the conference.', 'GBR'],
    ['Kazakh and Uzbek officials signed the deal.', 'KAZ'],
    ['The Kyrgyz government protested.', 'KGZ'],
    ['Zhongnanhai has not commented.', 'CHN'],
    ['Foggy Bottom issued new guidance.', 'USA'],
    ['The Élysée welcomed the decision.', 'FRA'],
    ['Jordanian Foreign Minister Ayman Safadi warned of consequences.', 'JOR'],
    ['Abbas Araghchi spoke to his counterpart.', 'IRN'],
    ['Ishaq Dar met the delegation.', 'PAK'],
    ['ISIS-K claimed the bombing.', 'ISIS'],
    ['The Islamic State group claimed it.', 'ISIS'],
    ['Al-Qaida has regrouped.', 'AL_QAEDA'],
    ['The Haqqani network was blamed.', 'TALIBAN'],
    ['The Taliban-led Islamic Emirate responded.', 'TALIBAN'],
    ['UNAMA published its report.', 'UNAMA'],
    ['The UN High Commissioner for Human Rights said it was illegal.', 'OHCHR'],
    ['The European Commission proposed sanctions.', 'EU'],
    ['The Arab League condemned the move.', 'ARAB_LEAGUE'],
    ['The Indian economy slowed.', 'IND'],
  ])('resolves "%s" to %s', (sentence, actor) => {
    expect(actorsOf(sentence)).toContain(actor);
  });

  it('resolves "UN Secretary General Antonio Guterres" to UN and "UN Security Council" to UNSC', () => {
    expect(actorsOf('UN Secretary General Antonio Guterres intends to hold a meeting.')).toEqual([
      'UN',
    ]);
    expect(actorsOf('The UN Security Council adopted the resolution.')).toEqual(['UNSC']);
  });

  it('does not take the Iraq inside "Islamic State of Iraq and the Levant" for a state', () => {
    expect(actorsOf('The Islamic State of Iraq and the Levant claimed it.')).toEqual(['ISIS']);
  });

  it.each([
    'The conference was held in Dushanbe on March 30.',
    'People flooded the airport in an attempt to flee from Kabul airport.',
    'It should begin around 18:00 (01:00 Moscow time).',
    'The summit took place in Tajikistan.',
    'The delegates met in Dushanbe, capital of Tajikistan.',
    'At-risk Afghans were evacuated.',
  ])('does not make a mere location or people an actor: "%s"', (sentence) => {
    expect(actorsOf(sentence)).toEqual([]);
  });

  it.each([
    ["Pakistan's foreign office summoned the envoy.", 'PAK'],
    ['The Ministry of Foreign Affairs of Kyrgyzstan issued a statement.', 'KGZ'],
  ])('does not file another state\'s ministry under the UK: "%s"', (sentence, actor) => {
    expect(actorsOf(sentence)).toContain(actor);
    expect(actorsOf(sentence)).not.toContain('GBR');
  });

  it('keeps lower-case words that spell a country out of the actors', () => {
    expect(actorsOf('She set the fine china on the table.')).toEqual([]);
  });

  it('binds a surname to its state for the rest of an article once the full name was seen', () => {
    const text = `Hua Chunying, a spokesperson for the foreign ministry, spoke on Monday about the situation.

Hua would not be drawn on whether recognition would follow in the coming weeks or months.`;
    const record = parseUpload(
      new TextEncoder().encode(`Some headline about the talks here\n\n${text}`),
      'incoming/hua.txt',
      { minWords: 10 },
    );
    const later = record.sentences.find((sentence) => sentence.text.startsWith('Hua would'));
    expect(later?.actors).toContain('CHN');
  });

  it('finds every actor docs/design.md lists for the five seeds', () => {
    const dir = 'test/fixtures/seeds';
    const found = new Set<string>();
    for (const file of readdirSync(dir)) {
      const record = parseUpload(readFileSync(`${dir}/${file}`), `incoming/${file}`);
      for (const actor of record.actors) found.add(actor);
    }
    const expected =
      'RUS CHN USA GBR AFG PAK FRA KAZ KGZ TJK TKM UZB UN UNSC SCO TALIBAN ISIS AL_QAEDA'.split(
        ' ',
      );
    expect([...found].sort()).toEqual(expect.arrayContaining(expected));
  });

  it("names a head of state or government and a foreign minister for the G20, the P5 and Afghanistan's neighbours", () => {
    const data = parse(readFileSync('functions/data/actors.yaml', 'utf8')) as {
      people: { name: string; actor: string; role?: string }[];
    };
    const current = data.people.filter((person) => !/former/i.test(person.role ?? ''));
    const has = (actor: string, role: RegExp) =>
      current.some((person) => person.actor === actor && role.test(person.role ?? ''));
    const g20 = 'ARG AUS BRA CAN CHN FRA DEU IND IDN ITA JPN KOR MEX RUS SAU ZAF TUR GBR USA EU';
    const neighbours = 'PAK IRN TKM UZB TJK';
    for (const actor of `${g20} ${neighbours}`.split(' ')) {
      expect(
        has(actor, /president|prime minister|chancellor|king|emir|supreme leader/i),
        actor,
      ).toBe(true);
      expect(
        has(
          actor,
          /foreign|external affairs|secretary of state|international relations|high representative/i,
        ),
        actor,
      ).toBe(true);
    }
    for (const actor of 'USA RUS CHN FRA PAK IRN IND'.split(' '))
      expect(has(actor, /spokes/i), actor).toBe(true);
  });
});
