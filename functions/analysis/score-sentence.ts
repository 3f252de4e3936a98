export interface SentenceFeatures {
  text: string;
  paragraph: number;
  actorCount: number;
  themeCount: number;
  hasSpeaker: boolean;
  /** False for a line without a verb: a caption, a headline fragment, a list of names. */
  hasVerb: boolean;
}

const pronounStart =
  /^(?:[“"‘']\s*)?(he|she|it|they|this|that|these|those|his|her|its|their|there)\b/i;
const conjunctionStart = /^(and|but|or|so|also|meanwhile|however|moreover)\b/i;

/**
 * Extractive score of a sentence: early, self-contained sentences about named actors and a
 * clear theme read best in a brief. A sentence opening on a bare pronoun ("He said…") or a
 * conjunction needs its neighbour to make sense, so it loses; a line without a verb (a
 * caption, a headline fragment) scores -1 at most.
 */
export function scoreSentence(features: SentenceFeatures): number {
  const words = features.text.split(/\s+/).length;
  let score = 1 / (1 + 0.25 * features.paragraph);
  score += 0.3 * Math.min(features.actorCount, 3);
  score += 0.25 * Math.min(features.themeCount, 2);
  if (features.hasSpeaker) score += 0.2;
  if (pronounStart.test(features.text)) score -= 0.8;
  if (conjunctionStart.test(features.text)) score -= 0.3;
  if (/^\p{Ll}/u.test(features.text)) score -= 0.5;
  if (words < 8) score -= 0.7;
  if (words > 55) score -= 0.4;
  // Not a statement at all: never worth quoting, however many actors it names.
  if (!features.hasVerb) score = Math.min(score, -1);
  return Math.round(score * 1000) / 1000;
}
