import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { franc } from 'franc-min';
import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../functions/article/detect-language';
import { iso6393 } from '../../functions/text/language-codes';

// Our own sentences, no real articles.
const english = [
  'The foreign minister said on Tuesday that the talks with the delegation from the neighbouring country had been useful, but that both sides would need more time to settle the question of the border crossings. Officials who were present said the two governments have agreed to meet again in the spring, and that their experts would draw up a list of the points which are still open.',
  'Ministers from the coastal states said that the new fishing quotas, which were announced last week, would hurt the small ports that depend on the catch. The commission has said it will not change the figures before the summer, but diplomats from three of the states told reporters that they expect the question to be raised again at the next council meeting.',
];
const spanish = [
  'El ministro de Asuntos Exteriores afirmó el martes que el Gobierno no firmará el acuerdo mientras no se garanticen los derechos de los pescadores de la región. Según fuentes diplomáticas, las negociaciones con la comisión se reanudarán la próxima semana en Bruselas, aunque ninguna de las partes espera avances importantes antes del verano.',
  'La portavoz del Gobierno explicó que las conversaciones seguirán en los próximos días y que la delegación presentará una nueva propuesta sobre las cuotas de pesca para las flotas artesanales de la costa.',
];
const frenchQuotingEnglish =
  "Le ministre des Affaires étrangères a déclaré mardi que les discussions avec la délégation du pays voisin avaient été utiles. Interrogé sur la position britannique, il a cité son homologue : « we will not sign a deal that leaves our fishermen worse off ». Selon lui, les deux parties doivent encore régler la question des postes-frontières avant la fin de l'année.";
const dutchQuotingEnglish =
  'De minister van Buitenlandse Zaken zei dinsdag dat het overleg met de delegatie uit het buurland nuttig was geweest. Volgens hem is het akkoord "a good deal for both sides", maar moeten de experts van beide landen nog een lijst opstellen van de punten die openstaan. De Tweede Kamer debatteert volgende week over het voorstel van het kabinet.';
const germanQuotingEnglish =
  'Der Außenminister sagte am Dienstag, die Gespräche mit der Delegation aus dem Nachbarland seien nützlich gewesen. Auf die britische Haltung angesprochen, zitierte er seinen Amtskollegen mit den Worten "this is the moment to stand together". Beide Seiten müssten aber noch die Frage der Grenzübergänge klären, bevor das Abkommen unterzeichnet werden könne.';
const tagalogQuotingEnglish =
  'Sinabi ng kalihim noong Martes na naging kapaki-pakinabang ang pakikipag-usap sa delegasyon mula sa kalapit na bansa. Ayon sa kanya, "the agreement is good for both countries", pero kailangan pa raw ayusin ng mga eksperto ang listahan ng mga usaping hindi pa napagkakasunduan bago pirmahan ng dalawang pamahalaan ang kasunduan.';
const indonesianWithEnglish =
  'Menteri Luar Negeri mengatakan pada hari Selasa bahwa the agreement akan ditandatangani minggu depan. Namun menurut juru bicara oposisi, the deal itu tidak adil bagi para petani di wilayah pesisir, dan parlemen harus membahasnya terlebih dahulu. Para diplomat yang hadir mengatakan that both sides masih berbeda pendapat tentang kuota ikan untuk kapal-kapal kecil.';
const taglish =
  'Sinabi ng secretary na the agreement will be signed next week, pero hindi pa raw sure ang mga senador kung papayag sila. According sa spokesperson, ang deal ay para sa trade at hindi para sa military. Pero the opposition said that it was a bad deal for the farmers, at dapat daw itong pag-usapan muna sa Senado bago pirmahan ng Pangulo. Ayon pa sa kanila, the farmers have not been consulted at wala pang public hearing tungkol dito.';

const [english1 = '', english2 = ''] = english;
const [spanish1 = '', spanish2 = ''] = spanish;

/** What detection said before English was told without franc: franc on the first 2,000 characters. */
const toIso6391 = new Map(iso6393.filter((l) => l.iso6391).map((l) => [l.iso6393, l.iso6391]));
const francSays = (text: string) =>
  toIso6391.get(franc(text.slice(0, 2000), { minLength: 20 })) ?? 'und';

describe('detectLanguage', () => {
  it('tells English articles, with or without a paragraph of another language', () => {
    expect(detectLanguage(english1)).toBe('en');
    expect(detectLanguage(english2)).toBe('en');
    expect(detectLanguage(`${english1}\n\n${spanish1}\n\n${english2}`)).toBe('en');
  });

  it('gives the language of a text in another language that quotes English', () => {
    expect(detectLanguage(frenchQuotingEnglish)).toBe('fr');
    expect(detectLanguage(dutchQuotingEnglish)).toBe('nl');
    expect(detectLanguage(germanQuotingEnglish)).toBe('de');
    expect(detectLanguage(tagalogQuotingEnglish)).toBe('tl');
  });

  it('gives the language of a text in another language sprinkled with English', () => {
    expect(detectLanguage(indonesianWithEnglish)).toBe('id');
    expect(detectLanguage(taglish)).toBe('tl');
  });

  it('keeps franc’s answer for English texts with another language in them', () => {
    // Two thirds English, full of English function words, yet franc hears Spanish (and German)
    // in it: the English shortcut must leave such texts to franc.
    expect(detectLanguage(`${english1}\n\n${spanish2}`)).toBe('es');
    expect(detectLanguage(`${english1}\n\n${germanQuotingEnglish}`)).toBe('de');
    expect(detectLanguage(`${english2}\n\n${dutchQuotingEnglish}`)).toBe('nl');
  });

  it('says und for texts too short to tell, however English', () => {
    expect(detectLanguage('The talks were off.')).toBe('und');
    expect(detectLanguage('the of and to that')).toBe('und');
    expect(detectLanguage('')).toBe('und');
  });

  it('says what franc says of every text fixture and of the texts above', () => {
    const texts = [
      ...english,
      ...spanish,
      frenchQuotingEnglish,
      dutchQuotingEnglish,
      germanQuotingEnglish,
      tagalogQuotingEnglish,
      indonesianWithEnglish,
      taglish,
    ];
    const walk = (dir: string): string[] =>
      readdirSync(dir).flatMap((name) => {
        const path = join(dir, name);
        return statSync(path).isDirectory() ? walk(path) : [path];
      });
    for (const file of walk('test/fixtures')) {
      if (/\.(txt|md|html?|json|eml)$/.test(file)) texts.push(readFileSync(file, 'utf8'));
    }
    expect(texts.length).toBeGreaterThan(150);
    const differing = texts.filter((text) => detectLanguage(text) !== francSays(text));
    expect(differing).toEqual([]);
  });
});
