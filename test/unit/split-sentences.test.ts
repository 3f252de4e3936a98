import { afterEach, describe, expect, it, vi } from 'vitest';
import model from 'wink-eng-lite-web-model';
import winkNLP from 'wink-nlp';
import { splitSentences } from '../../functions/analysis/split-sentences';

describe('splitSentences', () => {
  it('keeps a heading or caption without a full stop as one sentence', () => {
    expect(splitSentences('Envoys gather in Valletta as grain talks resume')).toEqual([
      'Envoys gather in Valletta as grain talks resume',
    ]);
    expect(splitSentences('  Harbour cranes idle at dawn, 14 March  ')).toEqual([
      'Harbour cranes idle at dawn, 14 March',
    ]);
    expect(splitSentences(' ')).toEqual([]);
  });

  it('does not end a sentence at "U.S." or "Mr." inside it', () => {
    expect(splitSentences('Talks with the U.S. delegation open in Oslo')).toEqual([
      'Talks with the U.S. delegation open in Oslo',
    ]);
    expect(splitSentences('Mr. Okafor said the U.S. offer came late.')).toEqual([
      'Mr. Okafor said the U.S. offer came late.',
    ]);
  });

  it('splits a paragraph of two sentences in two, whatever ends the first', () => {
    expect(splitSentences('The envoys left on Monday. A second round is set for May.')).toEqual([
      'The envoys left on Monday.',
      'A second round is set for May.',
    ]);
    expect(splitSentences('Will the truce hold? Nobody at the ministry would say')).toEqual([
      'Will the truce hold?',
      'Nobody at the ministry would say',
    ]);
    // A blank line left inside a paragraph ends a sentence too.
    expect(splitSentences('Harbour talks\n\nThe envoys left on Monday')).toEqual([
      'Harbour talks',
      'The envoys left on Monday',
    ]);
  });

  // Lines without a boundary inside skip wink (functions/analysis/split-sentences.ts); these
  // are the ones closest to the edge of that rule, split as wink itself splits them.
  it('splits as wink-nlp does the lines it skips wink for, and those just past them', () => {
    const wink = winkNLP(model, ['sbd']);
    const lines = [
      'Grain corridor talks… to resume in Valletta',
      'Talks stalled...',
      'Really?!',
      'He said "no."',
      '港口谈判。明日继续',
      'هل تستأنف المحادثات؟ نعم',
      'बातचीत फिर शुरू। कल',
      'Envoys\u00a0meet\u202fin Oslo 🇳🇴 today',
      'Envoys meet\u3000in Oslo',
      'Envoys\u2000meet in\tOslo\nagain',
      '\ufeffEnvoys meet in Oslo.',
      "They can't and won't sign",
      "Whomst'd've signed it",
      `Envoys${' '.repeat(70_000)}meet`,
    ];
    for (const line of lines)
      expect(splitSentences(line), JSON.stringify(line.slice(0, 40))).toEqual(
        wink
          .readDoc(line)
          .sentences()
          .out()
          .map((sentence: string) => sentence.trim())
          .filter(Boolean),
      );
  });
});

describe('splitSentences without the language model', () => {
  afterEach(() => {
    vi.doUnmock('../../functions/analysis/sentence-model');
    vi.resetModules();
  });

  it('reads headings and one-sentence paragraphs without loading it', async () => {
    vi.resetModules();
    vi.doMock('../../functions/analysis/sentence-model', () => ({
      sentenceModel: () => {
        throw new Error('the model was loaded');
      },
    }));
    const { splitSentences: split } = await import('../../functions/analysis/split-sentences');
    expect(split('Envoys gather in Valletta')).toEqual(['Envoys gather in Valletta']);
    expect(split('The envoys left on Monday.')).toEqual(['The envoys left on Monday.']);
    expect(() => split('The envoys left. A second round is set.')).toThrow('the model was loaded');
  });
});
