/**
 * English function words the analysis reads around names: grammar, not vocabulary, so they live
 * here rather than in `functions/data/lexicon.yaml` (job titles, institution nouns, speech verbs:
 * the words a desk may want to edit). Each list holds a word once, in lower case, and is
 * compared with `Token.lower`.
 */

/** Skipped when reading the word before a name: "the Kremlin", "to the EU". */
export const articles: ReadonlySet<string> = new Set(['the', 'a', 'an']);

/** Join names into a list: "in Afghanistan and Iraq". */
export const coordinators: ReadonlySet<string> = new Set(['and', 'or']);

/** Before a state or a capital, make it a place rather than an actor: "in Dushanbe". */
export const locativePrepositions: ReadonlySet<string> = new Set([
  'in',
  'at',
  'into',
  'inside',
  'within',
  'across',
  'throughout',
  'around',
  'near',
  'from',
  'over',
  'toward',
  'towards',
  'via',
  'through',
  'outside',
  'beyond',
]);

/** Before a mention, make it an object rather than the subject: "talks with Russia". */
export const objectPrepositions: ReadonlySet<string> = new Set([
  'of',
  'to',
  'with',
  'for',
  'against',
  'by',
  'on',
  'about',
  'between',
  'from',
  'into',
  'after',
  'toward',
  'towards',
  'than',
]);

/** A speech verb after one of these names no one: "he said" (the sentences before tell who). */
export const subjectPronouns: ReadonlySet<string> = new Set(['he', 'she', 'they', 'it', 'we', 'i']);

/** May stand between a subject and its verb: "Lavrov also said", "the ministry has said". */
export const wordsBetweenSubjectAndVerb: ReadonlySet<string> = new Set([
  'also',
  'has',
  'had',
  'have',
  'later',
  'further',
  'then',
  'earlier',
  'previously',
  'reportedly',
  'separately',
  'again',
  'repeatedly',
  'once',
  'publicly',
  'recently',
  'would',
  'will',
]);

/** Open a clause before its subject: "As the sources reiterated", "After the ministry said". */
export const clauseOpeners: ReadonlySet<string> = new Set([
  'as',
  'after',
  'when',
  'while',
  'before',
  'since',
  'but',
  'and',
]);

/** Days and months: one after a name does not make a longer name ("Kabul Monday"). */
export const calendarWords: ReadonlySet<string> = new Set([
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
]);

/**
 * Auxiliary, modal and copular verbs: a sentence holding one has a verb ("is", "will", "has
 * been"), so a caption or a headline without one ("A view of the port at dusk.") stands out.
 * Compare a token with its apostrophes removed.
 */
export const auxiliaryVerbs: ReadonlySet<string> = new Set([
  'is',
  'are',
  'was',
  'were',
  'be',
  'been',
  'being',
  'am',
  'has',
  'have',
  'had',
  'having',
  'do',
  'does',
  'did',
  'will',
  'would',
  'shall',
  'should',
  'can',
  'could',
  'may',
  'might',
  'must',
  // Negated forms, written without their apostrophe ("isn’t" → "isnt").
  'isnt',
  'arent',
  'wasnt',
  'werent',
  'hasnt',
  'havent',
  'hadnt',
  'dont',
  'doesnt',
  'didnt',
  'wont',
  'wouldnt',
  'cant',
  'couldnt',
  'shouldnt',
  'mustnt',
]);
