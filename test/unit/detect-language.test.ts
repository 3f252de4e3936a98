import { franc } from 'franc-min';
import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../functions/article/detect-language';

const english =
  'The foreign ministers of the two countries said on Tuesday that they had agreed to resume talks on the border, which were broken off last year. Officials from both sides have met in Geneva this week, and their statement said that the next round would be held in the spring, with observers from the United Nations.';
const french =
  "Les ministres des affaires étrangères se sont réunis mardi à Genève pour reprendre les négociations sur la frontière. Selon un communiqué, « the talks were constructive », mais aucune date n'a été fixée pour le prochain cycle, qui devrait avoir lieu au printemps avec des observateurs.";
const dutch =
  'De ministers van buitenlandse zaken hebben dinsdag in Genève de gesprekken over de grens hervat. Volgens een verklaring van beide landen zal de volgende ronde in het voorjaar plaatsvinden, met waarnemers van de Verenigde Naties, en hebben zij afgesproken om de grensovergangen weer te openen.';
const german =
  'Die Außenminister beider Länder haben am Dienstag in Genf die Gespräche über die Grenze wieder aufgenommen. Nach einer gemeinsamen Erklärung soll die nächste Runde im Frühjahr stattfinden, mit Beobachtern der Vereinten Nationen, und die Grenzübergänge sollen bald wieder geöffnet werden.';

/** franc's own answer, as detectLanguage gave it before its quick test for English. */
const francSays = (text: string) => franc(text.slice(0, 2000), { minLength: 20 });

describe('the language of an upload', () => {
  it('is English for an English report', () => {
    expect(detectLanguage(english)).toBe('en');
    expect(francSays(english)).toBe('eng');
  });

  it('is the other language for a report that quotes some English', () => {
    expect(detectLanguage(french)).toBe('fr');
    expect(detectLanguage(dutch)).toBe('nl');
    expect(detectLanguage(german)).toBe('de');
  });

  it('is what franc says for English mixed with another language', () => {
    const mixed = [
      `${english} ${german} ${german}`,
      `${german} ${english}`,
      `${english} ${dutch} ${dutch} ${dutch}`,
      `${french} ${english}`,
    ];
    for (const text of mixed) {
      const code = francSays(text);
      expect(detectLanguage(text), text.slice(0, 60)).toBe(
        code === 'eng' ? 'en' : code === 'deu' ? 'de' : code === 'nld' ? 'nl' : 'fr',
      );
    }
  });

  it('cannot be told for a text too short to read', () => {
    expect(detectLanguage('Talks resume')).toBe('und');
  });
});
