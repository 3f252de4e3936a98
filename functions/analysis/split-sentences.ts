import winkNLP from 'wink-nlp';
import { sentenceModel } from './sentence-model';

let nlp: ReturnType<typeof winkNLP> | null = null;

// wink ends a sentence only at a token holding ".", "!" or "?", or at a blank line, and gives a
// lone sentence back as the paragraph's own characters, trimmed, with three exceptions: it drops
// some whitespace (U+2000, U+3000, the BOM…; only spaces and the no-break spaces below come back
// verbatim), keeps at most 65,534 spaces in a row, and its lexicon rewrites "whomst'd've". A
// paragraph clear of all these, with no ". ! ?" but as its last character, is returned whole
// without running wink or loading its model: headings, captions, one-sentence paragraphs (four
// paragraphs in ten). Read from wink-nlp 2.4 and its English model 1.8;
// test/unit/split-sentences.test.ts checks the two still agree on the lines nearest this edge.
const terminatorBeforeEnd = /[.!?](?!$)/;
const whitespaceNotKept = /[^\S \u00a0\u2002-\u2005\u2009\u200a\u202f\u205f]/;
const rewritten = /whomst/i;
const longestSpaceRun = 65_534;

/** Whether wink would return the paragraph as one sentence, unchanged but for trimming. */
function isOneSentence(paragraph: string): boolean {
  return (
    paragraph.length <= longestSpaceRun &&
    !terminatorBeforeEnd.test(paragraph) &&
    !whitespaceNotKept.test(paragraph) &&
    !rewritten.test(paragraph)
  );
}

/**
 * Splits one paragraph into sentences with wink-nlp, which knows "U.S." and "U.K." are not
 * sentence ends. Paragraphs are split one at a time so a title line never merges with the
 * first sentence. Only wink's sentence-boundary step runs (its tagging would cost four times
 * as much and nothing here reads it), and not even that on a paragraph with no possible
 * boundary inside (above). The model loads on first use (about 100 ms), once per process.
 */
export function splitSentences(paragraph: string): string[] {
  if (isOneSentence(paragraph)) {
    const sentence = paragraph.trim();
    return sentence ? [sentence] : [];
  }
  nlp ??= winkNLP(sentenceModel(), ['sbd']);
  return nlp
    .readDoc(paragraph)
    .sentences()
    .out()
    .map((sentence: string) => sentence.trim())
    .filter(Boolean);
}
