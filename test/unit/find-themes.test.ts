import { describe, expect, it } from 'vitest';
import { findThemes, weighThemes } from '../../functions/analysis/find-themes';
import { reference } from '../helpers/reference';

const themesOf = (sentence: string) =>
  findThemes(sentence, reference()).map((match) => match.theme);

describe('theme tagging', () => {
  it.each([
    ['The ministers strongly condemned terror attacks in which civilians were killed.', 'security'],
    ['We are concerned about the expansion of drug crops and drug production.', 'narcotics'],
    ['They called for unfreezing the assets of the Afghan state held in foreign banks.', 'economy'],
    ['Western nations are evacuating their citizens and embassy staff.', 'migration'],
    [
      'It is necessary to enable humanitarian access so that aid reaches civilians.',
      'humanitarian',
    ],
    ['The leaders advocated an inclusive government in Afghanistan.', 'governance'],
    ['Blinken spoke to his Chinese and Russian counterparts about the talks.', 'diplomacy'],
    ['Activists denounced the repression of human rights defenders.', 'human-rights'],
  ])('tags "%s" with %s', (sentence, theme) => {
    expect(themesOf(sentence)).toContain(theme);
  });

  it('tags nothing when no cue reaches the threshold', () => {
    expect(themesOf('Videos shared on social media appear to show people at a stadium.')).toEqual(
      [],
    );
  });

  it('reports the cues that fired, so a reader can see why', () => {
    const [match] = findThemes('The sanctions and tariffs hit trade.', reference());
    expect(match?.theme).toBe('economy');
    expect(match?.cues).toEqual(expect.arrayContaining(['sanction*', 'tariff*', 'trade']));
  });

  it('lets negative cues cancel a theme', () => {
    expect(themesOf('The pension comes from social security.')).not.toContain('security');
    expect(themesOf('The UN Security Council met on Monday.')).not.toContain('security');
    expect(themesOf('He flew economy class to Delhi.')).not.toContain('economy');
  });

  it.each([
    ['The health commission quarantined 28 people after the plague case.', 'humanitarian'],
    ['The Democratic candidates courted voters before the primary election.', 'governance'],
    ['Prosecutors dropped the investigation and the extradition request.', 'justice'],
    ['Agents seized fentanyl and methamphetamine at the border crossing.', 'narcotics'],
    ['Police fired tear gas and live ammunition at the protesters.', 'security'],
  ])('tags "%s" with %s', (sentence, theme) => {
    expect(themesOf(sentence)).toContain(theme);
  });

  it('matches cue words by their stem ("talks", "agreements"), "=" cues only as written', () => {
    expect(themesOf('The two countries signed agreements on fisheries.')).toContain('diplomacy');
    expect(themesOf('Mediators met both delegations in Geneva.')).toContain('diplomacy');
    expect(themesOf('Displacement camps are filling up.')).toContain('migration');
    expect(themesOf('He talked to reporters about the weather.')).not.toContain('diplomacy');
    expect(themesOf('Workers were forced out and the relatives related the story.')).toEqual([]);
  });

  it('fires one cue of a theme per word: "visits" is not also "visit" and "visited"', () => {
    const [match] = weighThemes('The minister visits Paris.', reference());
    expect(match).toMatchObject({ theme: 'diplomacy', weight: 0.6, cues: ['visit'] });
  });

  it('never tags a sentence from a single weak word of the taxonomy', () => {
    const weak = reference().themes.flatMap((theme) =>
      theme.cues
        .filter((cue) => cue.weight < reference().themeThreshold && cue.words.length === 1)
        .map((cue) => [theme.id, cue.words[0] ?? ''] as const),
    );
    expect(weak.length).toBeGreaterThan(50);
    for (const [theme, word] of weak) {
      expect(themesOf(`They spoke of the ${word} on Monday.`), word).not.toContain(theme);
    }
  });

  it('has a label, a description and cues for every theme docs/design.md names', () => {
    const ids = reference().themes.map((theme) => theme.id);
    for (const id of 'diplomacy security humanitarian economy governance migration narcotics human-rights'.split(
      ' ',
    )) {
      expect(ids).toContain(id);
      const theme = reference().themes.find((t) => t.id === id);
      expect(theme?.label).toBeTruthy();
      expect(theme?.description).toBeTruthy();
      expect(theme?.cues.length).toBeGreaterThan(5);
    }
  });
});
