import { describe, expect, it } from 'vitest';
import { analyseArticle } from '../../functions/analysis/analyse-article';
import type { SentenceRecord } from '../../functions/model/types';
import { reference } from '../helpers/reference';

/** Analyses paragraphs (one sentence each unless they hold more) under a neutral title. */
function analyse(paragraphs: string[], title = 'Report'): ReturnType<typeof analyseArticle> {
  return analyseArticle(title, paragraphs, reference());
}

function sentence(sentences: SentenceRecord[], start: string): SentenceRecord {
  const found = sentences.find((s) => s.text.startsWith(start));
  if (!found) throw new Error(`no sentence starts with "${start}"`);
  return found;
}

describe('people learned from their job title, for the rest of the article', () => {
  it('binds "Chinese foreign minister <unknown name>" to CHN, and the surname later', () => {
    const { sentences } = analyse([
      'Chinese foreign minister Zhang Wenhai met the delegation in Tianjin on Monday.',
      'Zhang told reporters the meeting had been constructive.',
    ]);
    expect(sentence(sentences, 'Chinese').actors).toContain('CHN');
    const later = sentence(sentences, 'Zhang told');
    expect(later.actors).toEqual(['CHN']);
    expect(later.speaker).toEqual({ name: 'Zhang Wenhai', actor: 'CHN' });
  });

  it('binds "Russia\'s presidential envoy to Afghanistan <name>" to RUS, not to Afghanistan', () => {
    const { sentences } = analyse([
      "Russia's presidential envoy to Afghanistan Pavel Orlovsky said Moscow would not rush.",
      'Orlovsky told Reuters the embassy staff had not been evacuated.',
    ]);
    const first = sentence(sentences, 'Russia');
    expect(first.actors).toEqual(['RUS']);
    expect(first.speaker).toEqual({ name: 'Pavel Orlovsky', actor: 'RUS' });
    expect(sentence(sentences, 'Orlovsky told').speaker?.actor).toBe('RUS');
  });

  it('binds "Department spokesman <name>" to the department the article is about', () => {
    const { sentences } = analyse([
      'The State Department said it was monitoring the situation closely.',
      'Department spokesman Walter Hensley said the embassy would stay open.',
      'Hensley added that evacuations would continue.',
    ]);
    expect(sentence(sentences, 'Department spokesman').speaker).toEqual({
      name: 'Walter Hensley',
      actor: 'USA',
    });
    expect(sentence(sentences, 'Hensley added').actors).toEqual(['USA']);
  });

  it('binds a name to the actor of an appositive title ("X, a spokesperson for China\'s foreign ministry")', () => {
    const { sentences } = analyse([
      "Li Mingzhe, a spokesperson for China's foreign ministry, said the talks were useful.",
    ]);
    expect(sentences[0]?.speaker).toEqual({ name: 'Li Mingzhe', actor: 'CHN' });
  });

  it('leaves an unknown person with no such cue unattributed rather than guessed', () => {
    const { sentences } = analyse([
      '"The president wants a bigger deal," said Derek Scissors, a China scholar in Washington.',
      'Smithers said the talks were useful.',
    ]);
    expect(sentences[0]?.speaker).toEqual({ name: 'Derek Scissors', actor: null });
    expect(sentences[0]?.principal).toBeNull();
    expect(sentences[1]?.actors).toEqual([]);
    expect(sentences[1]?.speaker?.actor ?? null).toBeNull();
  });
});

describe('places, job titles and actors', () => {
  it.each([
    'Delegates gathered in Dushanbe on Thursday.',
    'Thousands tried to board flights from Kabul airport.',
    'The summit in Hanoi ended without a deal.',
    'Troops fought the wars in Afghanistan and Iraq.',
    'The plague case was reported in Inner Mongolia.',
    'Aluminium on the London Metal Exchange lost 0.06%.',
    'Chad Wolf has been named acting secretary.',
    'WHO IS THE FRONT-RUNNER?',
    'MOSCOW, July 16. /TASS/. The meeting ended late.',
    'LONDON (AP) — The debate drew a large audience.',
    'DUBAI, United Arab Emirates — The air show opened on Monday.',
    'Two jets went to Biman Bangladesh Airlines this week.',
  ])('names no actor in "%s"', (text) => {
    expect(analyse([text]).sentences[0]?.actors).toEqual([]);
  });

  it('takes a capital that acts for its state', () => {
    const [record] = analyse([
      'Moscow has been conciliatory since the Taliban seized power.',
    ]).sentences;
    expect(record?.actors).toEqual(['RUS', 'TALIBAN']);
    expect(record?.principal).toBe('RUS');
  });

  it('does not make an organisation named only in a job title an actor', () => {
    const [record] = analyse([
      'The US ambassador to the EU Gordon Sondland testified on Tuesday.',
    ]).sentences;
    expect(record?.actors).toEqual(['USA']);
  });

  it('does not take the National Security Council for the UN Security Council', () => {
    const [record] = analyse([
      'Alexander Vindman is a Ukraine specialist on the National Security Council.',
    ]).sentences;
    expect(record?.actors).not.toContain('UNSC');
  });
});

describe('quotations and principal actors', () => {
  it("attributes a quote with a speech verb to the speaker and the speaker's actor", () => {
    const [record] = analyse([
      '“The new Afghan authorities must be encouraged to keep their promises,” Putin said.',
    ]).sentences;
    expect(record?.speaker).toEqual({ name: 'Vladimir Putin', actor: 'RUS' });
    expect(record?.quote).toBe(
      'The new Afghan authorities must be encouraged to keep their promises,',
    );
    expect(record?.principal).toBe('RUS');
  });

  it('attributes "X told Y that …" to X, not to the listener', () => {
    const [record] = analyse([
      'Kabulov told Reuters that the staff had not been evacuated.',
    ]).sentences;
    expect(record?.speaker).toEqual({ name: 'Zamir Kabulov', actor: 'RUS' });
  });

  it('attributes "…," he said and "according to the statement" to the actor speaking before', () => {
    const { sentences } = analyse([
      'The Kremlin said on Monday that it would keep its embassy open.',
      '"We are not going anywhere," he said.',
      'According to the statement, the ambassador will meet the Taliban on Tuesday.',
    ]);
    expect(sentences[0]?.speaker).toEqual({ name: 'The Kremlin', actor: 'RUS' });
    expect(sentences[1]?.speaker?.actor).toBe('RUS');
    expect(sentences[1]?.quote).toBe('We are not going anywhere,');
    expect(sentences[2]?.speaker?.actor).toBe('RUS');
    expect(sentences[2]?.actors).toEqual(['RUS', 'TALIBAN']);
  });

  it('attributes a quotation over several sentences to the speaker named where it closes', () => {
    const { sentences } = analyse([
      '“Attempts to demonize the Taliban must be rejected. We believe the time has come to support the Afghan people,” Pakistani Prime Minister Imran Khan said.',
    ]);
    expect(sentences).toHaveLength(2);
    for (const record of sentences) {
      expect(record.speaker).toEqual({ name: 'Imran Khan', actor: 'PAK' });
      expect(record.principal).toBe('PAK');
    }
    expect(sentences[0]?.quote).toBe('Attempts to demonize the Taliban must be rejected.');
  });

  it('names the person a pronoun stands for ("…,” she said") from the sentences just before', () => {
    const { sentences } = analyse([
      "Italy's foreign minister Carla Benedetti said the talks had been useful.",
      'She praised the hosts for their patience.',
      '“We will come back in the spring with a firmer offer,” she said.',
    ]);
    expect(sentences[2]?.speaker).toEqual({
      name: 'Carla Benedetti',
      actor: 'ITA',
      carried: 'name',
    });
  });

  it('takes the person named last, not an earlier speaker, for "he said"', () => {
    const { sentences } = analyse([
      "Kenya's president Daniel Ochieng said the peace plan deserved attention.",
      'The calls prompted Putin to defend the position of his government.',
      'Responding to Ochieng, he said Moscow was grateful for the effort.',
    ]);
    expect(sentences[2]?.speaker).toMatchObject({ name: 'Vladimir Putin', carried: 'name' });
  });

  it('marks a pronoun speaker it cannot name as standing only for an actor', () => {
    const { sentences } = analyse([
      'The Kenyan government published the figures on Monday.',
      'Officials met late into the night.',
      'Nobody expected the vote.',
      '“We are ready to talk,” he said.',
    ]);
    expect(sentences[3]?.speaker?.carried ?? 'none').not.toBe('name');
  });

  it('scores a line without a verb (a caption) below any quotable sentence', () => {
    const { sentences } = analyse([
      'Rescue workers at the site of the strike on the port of Odesa, Ukraine.',
      'Ukraine’s plan includes the withdrawal of Russian troops from its territory.',
    ]);
    expect(sentences[0]?.score).toBeLessThanOrEqual(-1);
    expect(sentences[1]?.score).toBeGreaterThan(0.5);
  });

  it('takes the name set off by commas as the speaker, and names no one it cannot tell', () => {
    const { sentences } = analyse([
      "Carlineo's attorney, Sonya Zoghlin, said in an email that he never intended harm.",
      'Executives of both companies announced Wednesday that the order was final.',
    ]);
    expect(sentences[0]?.speaker).toEqual({ name: 'Sonya Zoghlin', actor: null });
    expect(sentences[1]?.speaker).toBeUndefined();
  });

  it('takes the subject, not the object of a preposition, as the principal', () => {
    const [record] = analyse([
      'After talks with Russia, Pakistan urged the Taliban to form a government.',
    ]).sentences;
    expect(record?.principal).toBe('PAK');
  });
});

describe('article actors and themes', () => {
  it('ranks actors by salience: the title and the lead weigh more than a passing mention', () => {
    const { actors } = analyse(
      [
        'Tokyo and Berlin discussed the trade deal, officials said.',
        'Japan will host the next round; Germany welcomed it, and France was briefed.',
      ],
      'Japan and Germany agree on a trade deal',
    );
    expect(actors.slice(0, 2).sort()).toEqual(['DEU', 'JPN']);
    expect(actors.at(-1)).toBe('FRA');
  });

  it('keeps the cues that fired on each sentence', () => {
    const [record] = analyse(['The sanctions and tariffs hit trade with Iran.']).sentences;
    expect(record?.themes).toEqual(['economy']);
    expect(record?.cues?.economy).toEqual(
      expect.arrayContaining(['sanction*', 'tariff*', 'trade']),
    );
  });

  it('gives an article the themes that carry weight, not one passing mention', () => {
    const { themes } = analyse([
      'The two sides resumed peace talks in Doha on Monday.',
      'Negotiators said the dialogue would continue next week.',
      'Diplomats expect a joint statement on Friday.',
      'One delegate mentioned the oil price in passing.',
    ]);
    expect(themes).toEqual(['diplomacy']);
  });

  // Sentences without any theme cue, to pad an article so that its lead is elsewhere.
  const filler = [
    'The weather in the capital was mild on Tuesday.',
    'A local football team won its match on Sunday.',
    'The museum will open a new wing next spring.',
  ];

  it('gives no theme from one weak word, however often it is repeated', () => {
    const { themes } = analyse([
      ...filler,
      'The minister will visit the museum.',
      'Her visit was short.',
      'She visited the new wing.',
      'The visit ended at noon.',
      'Security at the museum was tight.',
      'The security staff wore blue.',
      'Security was praised.',
    ]);
    expect(themes).toEqual([]);
  });

  it('treats one strong cue in the body as a passing mention; the title or lead make a theme', () => {
    const mention = 'The exhibition recalls the coup of 1971.';
    expect(analyse([...filler, mention]).themes).toEqual([]);
    expect(analyse([...filler, mention], 'The coup, fifty years on').themes).toEqual([
      'governance',
    ]);
    const lead = 'Officers seized power in a coup on Monday.';
    expect(analyse([...filler, lead]).themes).not.toContain('governance');
    expect(analyse([lead, ...filler]).themes).toContain('governance');
  });

  it('gives the theme that two sentences of the body carry', () => {
    const { themes } = analyse([
      ...filler,
      'Farmers said drug crops were spreading in the hills.',
      'The police seized a ton of opium at a checkpoint.',
    ]);
    expect(themes).toEqual(['narcotics']);
  });
});
