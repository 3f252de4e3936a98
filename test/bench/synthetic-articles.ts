/**
 * Distinct, realistic-looking news articles for the benchmark: seeded, so every run gets the
 * same ones. Each story is told by one outlet, and about a third are also carried by other
 * outlets as wire copy (same text, light edits) or as rewrites (reordered, partly reworded,
 * sharing quotes) — what the story clustering must catch.
 */

interface Actor {
  name: string;
  capital: string;
  official: string;
  role: string;
}

const ACTORS: Actor[] = [
  { name: 'Russia', capital: 'Moscow', official: 'Sergei Lavrov', role: 'Foreign Minister' },
  { name: 'China', capital: 'Beijing', official: 'Wang Yi', role: 'Foreign Minister' },
  {
    name: 'the United States',
    capital: 'Washington',
    official: 'Antony Blinken',
    role: 'Secretary of State',
  },
  {
    name: 'the United Kingdom',
    capital: 'London',
    official: 'Boris Johnson',
    role: 'Prime Minister',
  },
  { name: 'France', capital: 'Paris', official: 'Emmanuel Macron', role: 'President' },
  { name: 'Germany', capital: 'Berlin', official: 'Olaf Scholz', role: 'Chancellor' },
  { name: 'Turkey', capital: 'Ankara', official: 'Recep Tayyip Erdogan', role: 'President' },
  { name: 'Iran', capital: 'Tehran', official: 'Ebrahim Raisi', role: 'President' },
  { name: 'India', capital: 'New Delhi', official: 'Narendra Modi', role: 'Prime Minister' },
  { name: 'Pakistan', capital: 'Islamabad', official: 'Imran Khan', role: 'Prime Minister' },
  { name: 'Kazakhstan', capital: 'Astana', official: 'Kassym-Jomart Tokayev', role: 'President' },
  { name: 'Uzbekistan', capital: 'Tashkent', official: 'Shavkat Mirziyoyev', role: 'President' },
  { name: 'Tajikistan', capital: 'Dushanbe', official: 'Emomali Rahmon', role: 'President' },
  { name: 'Afghanistan', capital: 'Kabul', official: 'Ashraf Ghani', role: 'President' },
  { name: 'Ukraine', capital: 'Kyiv', official: 'Dmytro Kuleba', role: 'Foreign Minister' },
  { name: 'Japan', capital: 'Tokyo', official: 'Fumio Kishida', role: 'Prime Minister' },
];

const TOPICS: { theme: string; phrases: string[] }[] = [
  {
    theme: 'security',
    phrases: [
      'counter-terrorism cooperation along the border',
      'the threat posed by Islamic State fighters',
      'joint military exercises near the frontier',
      'arms control talks and missile deployments',
    ],
  },
  {
    theme: 'humanitarian',
    phrases: [
      'humanitarian aid deliveries to displaced families',
      'emergency food supplies before the winter',
      'access for United Nations aid workers',
    ],
  },
  {
    theme: 'economy',
    phrases: [
      'sanctions relief and frozen central bank assets',
      'a new trade corridor and energy contracts',
      'investment in railways and pipelines',
    ],
  },
  {
    theme: 'migration',
    phrases: ['refugee flows across the border', 'the resettlement of evacuees and asylum seekers'],
  },
  {
    theme: 'narcotics',
    phrases: ['drug trafficking routes and opium cultivation', 'the illegal drug trade'],
  },
  {
    theme: 'governance',
    phrases: [
      'an inclusive government and early elections',
      'a new constitution and the rule of law',
    ],
  },
  {
    theme: 'diplomacy',
    phrases: [
      'the recognition of the new authorities',
      'reopening embassies and restoring diplomatic ties',
      'a peace conference under United Nations auspices',
    ],
  },
];

const OUTLETS = [
  ['TASS', 'tass.com'],
  ['Reuters', 'www.reuters.com'],
  ['Associated Press', 'apnews.com'],
  ['Agence France-Presse', 'www.afp.com'],
  ['Al Jazeera', 'www.aljazeera.com'],
  ['Deutsche Welle', 'www.dw.com'],
  ['Xinhua', 'english.news.cn'],
  ['The Guardian', 'www.theguardian.com'],
  ['Dawn', 'www.dawn.com'],
  ['Kyodo', 'english.kyodonews.net'],
] as const;

const VERBS = [
  'discussed',
  'agreed on',
  'raised concerns over',
  'called for progress on',
  'reviewed',
];
const SAYS = ['said', 'told reporters', 'stressed', 'noted'];
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** Mulberry32: a small seeded generator, so the corpus is the same on every run. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SyntheticUpload {
  name: string;
  body: string;
}

/** `count` uploads (JSON articles) for the edition `edition`, published in the days before it. */
export function syntheticArticles(count: number, edition: string, seed = 7): SyntheticUpload[] {
  const rnd = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)] as T;
  const uploads: SyntheticUpload[] = [];
  let story = 0;
  while (uploads.length < count) {
    story++;
    const a = pick(ACTORS);
    let b = pick(ACTORS);
    while (b === a) b = pick(ACTORS);
    const topic = pick(TOPICS);
    const phrase = pick(topic.phrases);
    const second = pick(pick(TOPICS).phrases);
    const day = pick(WEEKDAYS);
    const amount = 20 + Math.floor(rnd() * 480);
    const daysBack = Math.floor(rnd() * 4);
    const published = new Date(Date.parse(`${edition}T00:00:00Z`) - daysBack * 86_400_000)
      .toISOString()
      .slice(0, 10);
    const quote = `"We are ready to work with ${b.capital} on ${phrase}, but words must be followed by deeds,"`;
    const ordinal = ['first', 'second', 'third', 'fourth', 'fifth'][amount % 5];
    const people = 50 + ((amount * 37) % 900);
    const closers = [
      `The United Nations Secretary-General Antonio Guterres welcomed the ${ordinal} round of contacts between ${a.capital} and ${b.capital} and urged all sides to respect international law.`,
      `Opposition lawmakers in ${a.capital} criticised the ${amount} million dollar package as too small and demanded a vote on it before ${day === 'Friday' ? 'Monday' : 'Friday'}.`,
      `Some ${people} protesters gathered outside the ${b.name.replace(/^the /, '')} embassy in ${a.capital} during the talks, police said.`,
      `Officials in ${b.capital} said ${people} experts would be sent to ${a.capital} to prepare the next meeting.`,
    ];
    const A = a.name.replace(/^the /, '');
    const B = b.name.replace(/^the /, '');
    const Bcap = b.name.replace(/^the /, 'The ');
    const paragraphs = [
      pick([
        `${a.role} ${a.official} and ${b.official} of ${b.name} ${pick(VERBS)} ${phrase} in ${a.capital} on ${day}, officials from both sides said after the talks.`,
        `${A} and ${B} ${pick(VERBS)} ${phrase} when ${a.official} received ${b.official} in ${a.capital} on ${day}.`,
        `Talks between ${a.official} and ${b.official} in ${a.capital} on ${day} focused on ${phrase}, the two governments said.`,
      ]),
      pick([
        `${quote} ${a.official} ${pick(SAYS)} at a joint news conference in ${a.capital}.`,
        `"${B} has made clear what it expects on ${phrase}, and ${A} will answer within ${2 + (amount % 9)} weeks," ${a.official} ${pick(SAYS)} after the meeting.`,
        `"Nobody gains from a stalemate over ${phrase}," ${b.official} ${pick(SAYS)}, adding that ${b.capital} wanted concrete steps by ${pick(['March', 'June', 'September', 'December'])}.`,
      ]),
      pick([
        `The two delegations also discussed ${second}, according to a statement issued by the ministry in ${b.capital} after the ${ordinal} session.`,
        `A joint statement mentioned ${second} only briefly, a sign, diplomats said, that differences remained.`,
        `According to a readout published in ${b.capital}, ${second} was raised over a ${2 + (people % 5)}-hour working dinner.`,
      ]),
      pick([
        `${Bcap} pledged ${amount} million dollars for a programme on ${phrase} over the next ${2 + (amount % 4)} years.`,
        `A fund of ${amount} million dollars is to be set up, with ${A} contributing ${Math.round(amount / 3)} million, officials said.`,
        `${Bcap} will send ${people} specialists under a ${amount} million dollar agreement signed on ${day}.`,
      ]),
      pick([
        `Diplomats in ${b.capital} said the ${day} meeting was the ${ordinal} of its kind since ${['the spring', 'January', 'the summer', 'last year'][people % 4]} and that ${b.official} would travel to ${a.capital} again.`,
        `The visit was ${b.official}'s ${ordinal} to ${a.capital} this year; a return visit is expected within ${2 + (people % 6)} months.`,
        `It was the ${ordinal} meeting of the kind, after contacts in ${pick(['Geneva', 'Vienna', 'Doha', 'Istanbul', 'Astana'])} earlier in the year.`,
      ]),
      pick([
        `Analysts said the talks showed how ${A} and ${B} were trying to shape ${second} as regional tensions grew.`,
        `Critics in ${b.capital} argued that ${second} deserved more attention than it received.`,
        `Observers noted that ${phrase} has become a recurring item on the agenda of ${A} since ${2015 + (people % 9)}.`,
      ]),
      pick(closers),
    ];
    const title = `${a.official} and ${b.official} discuss ${phrase.split(' ').slice(0, 4).join(' ')} in ${a.capital}`;
    const [outlet, host] = pick(OUTLETS);
    const add = (source: string, web: string, heading: string, text: string[]) =>
      uploads.push({
        name: `story-${String(story).padStart(4, '0')}-${uploads.length}.json`,
        body: JSON.stringify({
          title: heading,
          body: text.join('\n\n'),
          source,
          url: `https://${web}/world/${story}-${heading
            .toLowerCase()
            .replace(/[^a-z0-9]+/g, '-')
            .slice(0, 60)}`,
          published,
          language: 'en',
        }),
      });
    add(outlet, host, title, paragraphs);
    const copies = rnd() < 0.35 ? 1 + Math.floor(rnd() * 3) : 0;
    for (let c = 0; c < copies && uploads.length < count; c++) {
      const [copyOutlet, copyHost] = pick(OUTLETS.filter(([name]) => name !== outlet));
      if (rnd() < 0.5) {
        // Wire copy: the same text under another masthead, the last paragraph dropped.
        const dropped = paragraphs.filter((_, i) => i !== 4 + (c % 3));
        add(copyOutlet, copyHost, title, dropped);
      } else {
        // Rewrite: its own opening and order, the quote and key facts kept word for word.
        const opening = `${b.name.replace(/^the /, 'The ')} and ${a.name.replace(/^the /, '')} held talks on ${phrase} on ${day}, ${copyOutlet} reported.`;
        add(copyOutlet, copyHost, `${b.capital} and ${a.capital} hold talks on ${phrase}`, [
          opening,
          paragraphs[3] as string,
          paragraphs[1] as string,
          paragraphs[2] as string,
        ]);
      }
    }
  }
  return uploads.slice(0, count);
}
