import winkNLP from 'wink-nlp';
import { sentenceModel } from './sentence-model';

let nlp: ReturnType<typeof winkNLP> | null = null;

/**
 * Splits one paragraph into sentences with wink-nlp, which knows "U.S." and "U.K." are not
 * sentence ends. Paragraphs are split one at a time so a title line never merges with the
 * first sentence. Only wink's sentence-boundary step runs (its tagging would cost four times
 * as much and nothing here reads it). The model loads on first use (about 100 ms), once per
 * process.
 */
export function splitSentences(paragraph: string): string[] {
  nlp ??= winkNLP(sentenceModel(), ['sbd']);
  return nlp
    .readDoc(paragraph)
    .sentences()
    .out()
    .map((sentence: string) => sentence.trim())
    .filter(Boolean);
}
