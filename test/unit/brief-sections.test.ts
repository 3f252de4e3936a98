import { describe, expect, it } from 'vitest';
import { defaultBriefOptions, parseBriefOptions } from '../../functions/brief/brief-options';
import { collectCandidates } from '../../functions/brief/candidate-items';
import { foreignLanguageOf } from '../../functions/brief/other-languages';
import { ConfigError } from '../../functions/model/errors';
import type { BriefModel } from '../../functions/model/types';
import { articleOf, briefOf, fixtureArticles, printedItems } from '../helpers/brief-cases';
import { reference } from '../helpers/reference';

/** The quoting rules a brief applies by default. */
const quotingRules = {
  minScore: defaultBriefOptions.minSentenceScore,
  maxWords: defaultBriefOptions.maxItemWords,
  lexicon: reference().lexicon,
};

const sectionIds = (model: BriefModel) => model.byActor.map((section) => section.id);
const cited = (model: BriefModel) =>
  new Set([
    ...printedItems(model).flatMap((item) => item.sources),
    ...model.highlights.flatMap((h) => h.alsoIn ?? []),
  ]);

describe('articles in other languages (brief-cases/other-languages)', () => {
  const articles = fixtureArticles('brief-cases/other-languages');
  const model = briefOf(articles);
  const french = articleOf(articles, '02-fr-accord.txt');
  const spanish = articleOf(articles, '03-es-acuerdo.txt');
  const foreign = new Set([french.id, spanish.id]);

  it('lists the French and Spanish reports under "In other languages": title as written, language, actors', () => {
    expect(model.otherLanguages).toEqual([
      expect.objectContaining({
        id: french.id,
        title: 'Le Pérou et la Bolivie signent un accord pour sauver le lac Titicaca',
        language: 'fr',
        languageName: 'French',
        actors: expect.arrayContaining([
          { id: 'PER', name: 'Peru' },
          { id: 'BOL', name: 'Bolivia' },
        ]),
      }),
      expect.objectContaining({
        id: spanish.id,
        language: 'es',
        languageName: 'Spanish',
        actors: expect.arrayContaining([{ id: 'PER', name: 'Peru' }]),
      }),
    ]);
  });

  it('never quotes them, though some of their sentences would score as quotable', () => {
    const quotable = collectCandidates(articles, quotingRules).filter(
      (c) => c.quotable && c.sources.every((id) => foreign.has(id)),
    );
    expect(quotable.length).toBeGreaterThan(0);
    for (const item of printedItems(model))
      expect(
        item.sources.some((id) => foreign.has(id)),
        item.text,
      ).toBe(false);
  });

  it('finds their actors with the names of states in their language ("Pérou", "Perú")', () => {
    expect(french.actors).toEqual(expect.arrayContaining(['PER', 'BOL']));
    expect(spanish.actors).toEqual(expect.arrayContaining(['PER', 'BOL']));
  });

  it('counts them toward actor coverage: Peru is in 4 articles, two of them not in English', () => {
    const peru = model.byActor.find((section) => section.id === 'PER');
    expect(peru?.articleCount).toBe(4);
    expect(model.stats.articles).toBe(4);
  });

  it('lists a French page that declares itself English (<html lang="en">) as French', () => {
    const declared = {
      ...french,
      language: 'en',
      provenance: { ...french.provenance, language: 'html-lang' },
    };
    const brief = briefOf([articleOf(articles, '01-en-accord.txt'), declared]);
    expect(brief.otherLanguages?.map((entry) => [entry.id, entry.languageName])).toEqual([
      [french.id, 'French'],
    ]);
    for (const item of printedItems(brief)) expect(item.sources).not.toContain(french.id);
  });

  it('does not quote a whole French sentence of an English article', () => {
    const quote = collectCandidates(articles, quotingRules).find((c) =>
      c.text.includes('se tient prête'),
    );
    expect(quote?.quotable).toBe(true);
    const texts = printedItems(model).map((item) => item.text);
    expect(texts.some((text) => text.includes('se tient prête'))).toBe(false);
    // The English sentences of that article are still used.
    expect(texts.some((text) => text.includes('French foreign ministry'))).toBe(true);
  });
});

describe('the language of a sentence', () => {
  it('tells a French or Spanish sentence of 8 words or more', () => {
    expect(
      foreignLanguageOf(
        'Le ministre a déclaré que la France ne reconnaîtra pas les autorités issues du putsch.',
      ),
    ).toBe('fra');
    expect(
      foreignLanguageOf(
        'El gobierno de Perú anunció que construirá tres plantas de tratamiento en su orilla.',
      ),
    ).toBe('spa');
  });

  it('leaves English alone, even full of names or with a foreign phrase in it', () => {
    for (const text of [
      'The foreign ministers of Kazakhstan, Kyrgyzstan, Tajikistan, Turkmenistan and Uzbekistan met in Dushanbe.',
      'Abdourahamane Tiani, Salifou Mody and Moussa Salaou Barmou appeared on Télé Sahel on Wednesday.',
      'The junta called the move a coup d’État manqué and promised a transition within three years.',
      'Le Drian met Lavrov.',
      "UN Envoy Says Talks With Russia's Delegation Will Resume in Geneva Next Week",
      'Ushakov said Putin and Erdogan would meet in Sochi before the end of August to discuss grain.',
    ])
      expect(foreignLanguageOf(text), text).toBeNull();
  });
});

describe('off-topic uploads in a mixed batch (brief-cases/off-topic)', () => {
  const articles = fixtureArticles('brief-cases/off-topic');
  const model = briefOf(articles);
  const offTopic = ['03-transfer.txt', '04-celebrity.txt', '05-match-report.txt'].map(
    (file) => articleOf(articles, file).id,
  );

  it('lists the football transfer, the celebrity split and the match report under Not included, with the reason', () => {
    expect(model.offTopic?.map((entry) => [entry.key, entry.kind, entry.reason])).toEqual([
      ['incoming/03-transfer.txt', 'sport', 'off-topic: sport (no state or organisation acting)'],
      [
        'incoming/04-celebrity.txt',
        'entertainment',
        'off-topic: entertainment (no state or organisation acting)',
      ],
      [
        'incoming/05-match-report.txt',
        'sport',
        'off-topic: sport (no state or organisation acting)',
      ],
    ]);
    expect(model.offTopic?.[0]?.cues.length).toBeGreaterThan(0);
  });

  it('uses them nowhere else: not a source, not cited, no section or heat-map row of their own', () => {
    expect(model.articles.map((a) => a.key)).toEqual([
      'incoming/01-border-talks.txt',
      'incoming/02-coastal-security.txt',
    ]);
    expect(model.stats.articles).toBe(2);
    for (const id of cited(model)) expect(offTopic).not.toContain(id);
    // Brazil, Japan and Sweden act in the match report; Argentina in the transfer.
    for (const id of ['BRA', 'JPN', 'SWE', 'ARG']) {
      expect(sectionIds(model)).not.toContain(id);
      expect(model.heatmap.actors.map((a) => a.id)).not.toContain(id);
      expect(model.alsoMentioned?.flatMap((e) => e.actors.map((a) => a.id))).not.toContain(id);
    }
  });

  it('keeps every diplomatic article of the samples and fixtures', () => {
    for (const folder of ['seeds', 'stories', 'analysis', 'brief-cases/other-languages']) {
      const brief = briefOf(fixtureArticles(folder));
      expect(brief.offTopic, folder).toEqual([]);
    }
    expect(model.offTopic?.map((e) => e.key)).not.toContain('incoming/01-border-talks.txt');
  });

  it('is configurable: thresholds in the brief options, or off', () => {
    expect(
      briefOf(articles, { offTopic: { enabled: false, minCues: 6, ratio: 2 } }).offTopic,
    ).toEqual([]);
    const strict = briefOf(articles, { offTopic: { enabled: true, minCues: 25, ratio: 2 } });
    expect(strict.offTopic?.map((e) => e.key)).toEqual(
      ['incoming/04-celebrity.txt', 'incoming/03-transfer.txt'].sort(),
    );
    expect(parseBriefOptions({ offTopic: { minCues: 10 } }).offTopic).toEqual({
      enabled: true,
      minCues: 10,
      ratio: 2,
    });
    expect(() => parseBriefOptions({ offTopic: { minCue: 10 } }, 'brief.yaml')).toThrow(
      ConfigError,
    );
  });
});

describe('actors named only in passing (brief-cases/also-mentioned)', () => {
  const model = briefOf(fixtureArticles('brief-cases/also-mentioned'));
  const five = ['EST', 'FIN', 'LTU', 'LVA', 'POL'];

  it('gives a section only to actors with an item of their own', () => {
    expect(model.byActor.length).toBeGreaterThan(0);
    for (const section of model.byActor)
      expect(section.items.length, section.id).toBeGreaterThan(0);
    for (const id of five) expect(sectionIds(model)).not.toContain(id);
  });

  it('names the five states together on one line, pointing at the key development that names them', () => {
    const lines = model.alsoMentioned ?? [];
    const line = lines.find((entry) => entry.actors.some((a) => five.includes(a.id)));
    expect(line?.actors.map((a) => a.name)).toEqual([
      'Estonia',
      'Finland',
      'Latvia',
      'Lithuania',
      'Poland',
    ]);
    const statement = model.highlights.find((h) => h.text.includes('defence ministers of Estonia'));
    expect(statement).toBeDefined();
    expect(line?.seeHighlights).toEqual([statement?.number]);
    expect(lines.filter((entry) => entry.actors.some((a) => five.includes(a.id)))).toHaveLength(1);
  });

  it('treats the five Central Asian states of the samples alike', () => {
    const seeds = briefOf(fixtureArticles('seeds'));
    const centralAsia = ['KAZ', 'KGZ', 'TJK', 'TKM', 'UZB'];
    for (const section of seeds.byActor) expect(section.items.length).toBeGreaterThan(0);
    const line = seeds.alsoMentioned?.find((entry) =>
      entry.actors.some((a) => centralAsia.includes(a.id)),
    );
    expect(line?.actors.map((a) => a.id).sort()).toEqual(centralAsia);
    expect(line?.seeHighlights.length).toBeGreaterThan(0);
  });
});
