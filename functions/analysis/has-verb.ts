import winkNLP from 'wink-nlp';
import type { Lexicon } from '../reference/reference-data';
import { auxiliaryVerbs } from '../text/function-words';
import type { Token } from '../text/tokenize';
import { sentenceModel } from './sentence-model';

const maxTagged = 120;

let tagger: ReturnType<typeof winkNLP> | null = null;

/**
 * Whether a sentence has a verb: a line without one is a caption ("Rescue workers at the site
 * of the strike."), a headline fragment or a list of names, not a statement. Most sentences
 * show a verb at a glance (an auxiliary, a speech verb, a word in -ed or -ing); only the rest
 * are tagged with wink-nlp's part-of-speech step, which costs about four times its sentence
 * splitting, so the tagger runs on a tenth of the sentences or less (and never on one of more
 * than 120 words, too long to be quoted anyway).
 */
export function hasVerb(text: string, tokens: Token[], lexicon: Lexicon): boolean {
  const plain = tokens.some(
    (token) =>
      auxiliaryVerbs.has(token.lower.replace(/['’]/g, '')) ||
      lexicon.speechVerbs.has(token.lower) ||
      (token.lower.length > 4 && /(?:ed|ing)$/.test(token.lower)),
  );
  // Far too long to quote either way: not worth tagging (a megabyte of one line would be).
  if (plain || tokens.length > maxTagged) return true;
  tagger ??= winkNLP(sentenceModel(), ['sbd', 'pos']);
  const tags = tagger.readDoc(text).tokens().out(tagger.its.pos) as string[];
  return tags.some((tag) => tag === 'VERB' || tag === 'AUX');
}
