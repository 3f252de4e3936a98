import type { ThemeId } from '../core/types';
import type { ReferenceData } from '../reference/reference-data';

export interface ThemeMatch {
  theme: ThemeId;
  weight: number;
  /** The cues that fired, so a reader can see why the theme was given. */
  cues: string[];
}

/** Themes whose cue weights in the sentence reach the taxonomy's threshold, strongest first. */
export function findThemes(sentence: string, reference: ReferenceData): ThemeMatch[] {
  const matches: ThemeMatch[] = [];
  for (const theme of reference.themes) {
    let weight = 0;
    const cues: string[] = [];
    for (const cue of theme.cues) {
      if (sentence.match(cue.pattern)) {
        weight += cue.weight;
        cues.push(cue.cue);
      }
    }
    for (const cue of theme.negative) if (sentence.match(cue.pattern)) weight -= cue.weight;
    if (weight >= reference.themeThreshold) matches.push({ theme: theme.id, weight, cues });
  }
  return matches.sort((a, b) => b.weight - a.weight);
}
