import { describe, expect, it } from 'vitest';
import { eventTimeOf } from '../../functions/brief/event-clusters';
import { kindOf, newsSignals } from '../../functions/brief/news-signals';
import { isNoTitle } from '../../functions/brief/story-clusters';
import { ConfigError } from '../../functions/model/errors';
import type { ArticleRecord } from '../../functions/model/types';
import { checkNewsValueFile } from '../../functions/reference/news-value';
import { statedTime } from '../../functions/text/calendar';
import { reference } from '../helpers/reference';

const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

function article(text: string, fields: Partial<ArticleRecord> = {}): ArticleRecord {
  return {
    id: 'a',
    key: 'incoming/a.txt',
    edition: '2026-11-22',
    receivedAt: '2026-11-22T08:00:00.000Z',
    format: 'txt',
    title: '',
    source: null,
    url: null,
    published: null,
    publishedInferred: false,
    dateline: null,
    byline: null,
    language: 'en',
    text,
    actors: [],
    themes: [],
    sentences: [],
    provenance: {},
    ...fields,
  };
}

describe('dates a text states', () => {
  it('reads day-month and month-day, with or without a year, in English and the article language', () => {
    expect(statedTime('Speaking on 17 July, the spokesman said', 'en').dates).toEqual([
      { month: 6, day: 17, year: null },
    ]);
    expect(statedTime('a photo taken Aug. 19, 2022 in the port', 'en').dates).toEqual([
      { month: 7, day: 19, year: 2022 },
    ]);
    expect(statedTime('El acuerdo expiraba este lunes 17 de julio.', 'es')).toEqual({
      dates: [{ month: 6, day: 17, year: null }],
      weekdays: [1],
    });
    expect(statedTime("durante l'attacco di mercoledì 19 luglio", 'it').weekdays).toEqual([3]);
    expect(statedTime('Am Sonntag drohten die Staaten', 'de').weekdays).toEqual([0]);
  });

  it('does not take the verb "may" for the month', () => {
    expect(statedTime('The talks may 5 times be delayed', 'en').dates).toEqual([]);
    expect(statedTime('signed on 9 May', 'en').dates).toEqual([{ month: 4, day: 9, year: null }]);
  });
});

describe('the day an article says its event happened', () => {
  it('is a date its lead states, in the edition year', () => {
    const time = eventTimeOf(article('Ministers met in Lima on 17 November to sign the accord.'));
    expect(time).toEqual({ day: day('2026-11-17'), weekday: 2 });
  });

  it('ignores a date of another year (history, a file photo)', () => {
    const time = eventTimeOf(
      article('A file photo of the port taken on Aug. 19, 2022. Drones struck it on Friday.'),
    );
    expect(time).toEqual({ day: null, weekday: 5 });
  });

  it('takes a weekday as the last such day up to publication, or keeps the weekday alone', () => {
    const said = 'The ministry said on Monday that the talks had failed.';
    expect(eventTimeOf(article(said, { published: '2026-11-18' }))).toEqual({
      day: day('2026-11-16'),
      weekday: 1,
    });
    expect(eventTimeOf(article(said))).toEqual({ day: null, weekday: 1 });
  });
});

describe('news value cues (functions/data/news-value.yaml)', () => {
  const news = reference().newsValue;

  it('are loaded with the reference data', () => {
    expect(news?.kinds.map((kind) => kind.id)).toEqual(
      expect.arrayContaining(['casualties', 'attack', 'agreement', 'vote', 'summit', 'statement']),
    );
  });

  it('tell the kind of event, and a view or history from a reported event', () => {
    if (!news) throw new Error('no news value');
    expect(kindOf('Twelve people were killed when the convoy was hit', news)?.id).toBe(
      'casualties',
    );
    expect(kindOf('The council adopted the resolution by 13 votes', news)?.id).toBe('vote');
    expect(newsSignals('Analysts say the deal could collapse', news, 2026).opinion).toBe(true);
    expect(newsSignals('Will the truce hold?', news, 2026).opinion).toBe(true);
    expect(newsSignals('In 2022, the two sides signed a first accord.', news, 2026)).toMatchObject({
      background: true,
    });
    expect(newsSignals('The two sides signed an accord on Monday.', news, 2026)).toMatchObject({
      opinion: false,
      background: false,
    });
  });

  it('rejects a file with an unknown key or a weight above 1, naming the file', () => {
    const file = { event_kinds: {}, opinion: [], background: [], agencies: [] };
    expect(() => checkNewsValueFile({ ...file, kinds: {} }, 'mine.yaml')).toThrow(ConfigError);
    expect(() =>
      checkNewsValueFile(
        { ...file, event_kinds: { coup: { label: 'Coup', weight: 2, cues: ['coup'] } } },
        'mine.yaml',
      ),
    ).toThrow(/mine\.yaml/);
  });
});

describe('a line that is no title', () => {
  it.each([
    'Monday, July 17, 2023',
    'Last update: July 24, 2024 00:56',
    '1 hour ago',
    '(@SomeHandle)',
    'World',
  ])('%s', (line) => expect(isNoTitle(line)).toBe(true));

  it('keeps a headline that names a date', () => {
    expect(isNoTitle('Ministers to meet on 17 July to settle the grain dispute')).toBe(false);
  });
});
