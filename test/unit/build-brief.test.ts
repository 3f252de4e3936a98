import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  defaultBriefOptions,
  parseBriefConfig,
  parseBriefOptions,
} from '../../functions/brief/brief-options';
import { collectCandidates, tidy } from '../../functions/brief/candidate-items';
import { autoPages } from '../../functions/brief/length-budget';
import { ConfigError } from '../../functions/model/errors';
import type { ArticleRecord, BriefModel } from '../../functions/model/types';
import { configFromEnv } from '../../functions/setup/config';
import { briefOf, printedItems } from '../helpers/brief-cases';
import { parseUpload } from '../helpers/parse';
import { reference } from '../helpers/reference';

function folder(name: string): ArticleRecord[] {
  const dir = join(process.cwd(), 'test', 'fixtures', name);
  return readdirSync(dir)
    .sort()
    .map((file) => parseUpload(readFileSync(join(dir, file)), `incoming/${file}`));
}

const normalise = (text: string) => text.replace(/\s+/g, ' ').trim();

const stories = folder('stories');
const seeds = folder('seeds');
const idOf = (file: string) =>
  (stories.find((article) => article.key.endsWith(file)) as ArticleRecord).id;
const wire = idOf('01-wire-reuters.txt');
const copy = idOf('02-syndicated-copy.txt');
const rewrite = idOf('03-rewrite.txt');

describe('stories across sources', () => {
  const model = briefOf(stories);

  it('groups a wire story, its syndicated copy and a rewrite into one story, leaving other stories apart', () => {
    // brief.json lists the stories of several articles and every story with a key development.
    const told = model.stories?.filter((story) => story.articles.length > 1);
    expect(told).toHaveLength(1);
    const story = told?.[0];
    expect(new Set(story?.articles)).toEqual(new Set([wire, copy, rewrite]));
    expect(story?.independentSources).toBe(2); // Reuters twice, Al Jazeera once
  });

  it('gives the story one key development that cites all three articles', () => {
    const aboutRiver = model.highlights.filter((h) =>
      [...h.sources, ...(h.alsoIn ?? [])].some((id) => [wire, copy, rewrite].includes(id)),
    );
    expect(aboutRiver).toHaveLength(1);
    const cited = new Set([...(aboutRiver[0]?.sources ?? []), ...(aboutRiver[0]?.alsoIn ?? [])]);
    expect(cited).toEqual(new Set([wire, copy, rewrite]));
  });

  it('prints a sentence carried by several articles once, citing each of them', () => {
    const quote = printedItems(model).filter((item) =>
      item.text.includes('Central Asian states can solve their problems'),
    );
    expect(quote).toHaveLength(1);
    expect(new Set(quote[0]?.sources)).toEqual(new Set([wire, copy, rewrite]));
  });

  it('keeps facts apart: near-identical sentences with other figures are not merged', () => {
    const original = stories[0] as ArticleRecord;
    const altered = {
      ...original,
      id: 'altered',
      key: 'incoming/altered.txt',
      sentences: original.sentences.map((s) => ({
        ...s,
        text: s.text.replace('1.2 billion', '3.4 billion'),
      })),
    };
    const candidates = collectCandidates([original, altered], {
      minScore: 0.5,
      maxWords: 60,
      lexicon: reference().lexicon,
    });
    const release = candidates.filter((c) => c.text.includes('Toktogul'));
    expect(release.map((c) => c.sources)).toEqual([[original.id], [altered.id]]);
    const same = candidates.find((c) => c.text.includes('joint commission'));
    expect(same?.sources).toEqual([original.id, altered.id]);
  });
});

describe('the brief of the seeds', () => {
  const model = briefOf(seeds);

  it('has 3 to 7 key developments, one per story', () => {
    expect(model.highlights.length).toBeGreaterThanOrEqual(3);
    expect(model.highlights.length).toBeLessThanOrEqual(7);
    const leads = model.highlights.map((h) => h.sources[0]);
    expect(new Set(leads).size).toBe(leads.length);
  });

  it('prints no sentence twice anywhere in the brief', () => {
    for (const current of [model, briefOf(stories)]) {
      const texts = printedItems(current).map((item) => normalise(item.text).toLowerCase());
      expect(new Set(texts).size).toBe(texts.length);
    }
  });

  it('prints only sentences of the articles, at most trimmed', () => {
    const texts = new Map(seeds.map((article) => [article.id, normalise(article.text)]));
    for (const item of printedItems(model)) {
      // Trimming may drop a leading word and a ", he said" tail, and capitalise: compare the core.
      const core = normalise(item.text)
        .replace(/[.!?…"”’)]+$/, '')
        .slice(1);
      const found = item.sources.some((id) => texts.get(id)?.includes(core));
      expect(found, item.text).toBe(true);
    }
  });

  it('never opens an item on a bare pronoun', () => {
    for (const item of printedItems(model))
      expect(item.text).not.toMatch(/^["“]?(He|She|It|They|His|Her|Their)\b/);
  });

  it('points back instead of repeating: actor sections list the key developments about them', () => {
    const russia = model.byActor.find((section) => section.id === 'RUS');
    expect(russia?.seeHighlights.length).toBeGreaterThan(0);
    for (const number of russia?.seeHighlights ?? [])
      expect(model.highlights[number - 1]?.actors).toContain('RUS');
  });

  it('ranks a desk’s own actors first when the team weights them', () => {
    const weighted = briefOf(seeds, { actorWeights: { PAK: 50 } });
    expect(weighted.byActor[0]?.id).toBe('PAK');
    expect(model.byActor[0]?.id).not.toBe('PAK');
  });

  it('cuts the lowest-ranked items to a tight page budget and says what it left out', () => {
    const tight = briefOf(seeds, { pages: 1 });
    const count = (m: BriefModel) => printedItems(m).length;
    expect(count(tight)).toBeLessThan(count(model));
    expect(tight.highlights).toEqual(model.highlights);
    expect(tight.omitted?.items).toBeGreaterThan(0);
    expect(tight.omitted?.pages).toBe(1);
  });
});

describe('trimming', () => {
  it('drops a dateline left at the start of a sentence', () => {
    expect(tidy('LONDON, August 30. /TASS/. The UK recognizes the need.')).toBe(
      'The UK recognizes the need.',
    );
    expect(tidy('ASTANA, Nov 21 (Reuters) - Kazakhstan signed a deal.')).toBe(
      'Kazakhstan signed a deal.',
    );
  });

  it('drops a leading conjunction and a bare "he said" tail, never a named speaker', () => {
    expect(tidy('But the ministers disagreed on the text.')).toBe(
      'The ministers disagreed on the text.',
    );
    expect(tidy('The talks will resume in Geneva, he said.')).toBe(
      'The talks will resume in Geneva.',
    );
    expect(tidy('The talks will resume in Geneva, Lavrov said.')).toBe(
      'The talks will resume in Geneva, Lavrov said.',
    );
    expect(tidy('"We are ready," he said.')).toBe('"We are ready," he said.');
  });
});

describe('length budget', () => {
  it('allows about 4 pages for 20 articles and 10 for 200', () => {
    expect(autoPages(5)).toBe(4);
    expect(autoPages(20)).toBe(4);
    expect(autoPages(200)).toBe(10);
    expect(autoPages(20000)).toBe(16);
  });
});

describe('brief options', () => {
  it('fills defaults and merges weights key by key', () => {
    const options = parseBriefOptions({ title: 'Morning brief', weights: { recency: 2 } });
    expect(options.title).toBe('Morning brief');
    expect(options.weights).toEqual({ ...defaultBriefOptions.weights, recency: 2 });
    expect(options.maxHighlights).toBe(defaultBriefOptions.maxHighlights);
  });

  it('rejects a typo, naming the key and the file', () => {
    expect(() => parseBriefOptions({ maxHighlight: 5 }, 'brief.config.yaml')).toThrow(
      /brief\.config\.yaml: .*unknown option "maxHighlight"/,
    );
    expect(() => parseBriefOptions({ weights: { recncy: 1 } })).toThrow(/weights.*"recncy"/);
  });

  it('rejects values out of range or of the wrong type', () => {
    expect(() => parseBriefOptions({ maxHighlights: 12 })).toThrow(ConfigError);
    expect(() => parseBriefOptions({ paper: 'A3' })).toThrow(/paper/);
    expect(() => parseBriefOptions({ pages: 'many' })).toThrow(/pages/);
  });

  it('reads a YAML config file with a templates folder', () => {
    const file = parseBriefConfig(
      'title: Desk brief\npaper: letter\npages: 6\ntemplates: ./my-templates\n',
      'brief.config.yaml',
    );
    expect(file.options).toMatchObject({ title: 'Desk brief', paper: 'letter', pages: 6 });
    expect(file.templates).toBe('./my-templates');
    expect(() => parseBriefConfig('- a\n- b\n', 'x.yaml')).toThrow(/x\.yaml: expected a mapping/);
  });
});

describe('a config file (BRIEF_CONFIG_FILE, or --config)', () => {
  it('sets the brief options and a templates folder beside the file; env still wins', () => {
    const dir = mkdtempSync(join(tmpdir(), 'brief-config-'));
    try {
      const file = join(dir, 'brief.config.yaml');
      writeFileSync(
        file,
        'title: Desk brief\nhandling: SECRET\npaper: letter\nweights:\n  recency: 3\ntemplates: my-templates\n',
      );
      const config = configFromEnv({ BRIEF_ROOT: process.cwd(), BRIEF_CONFIG_FILE: file });
      expect(config.settings.brief).toMatchObject({
        title: 'Desk brief',
        handling: 'SECRET',
        paper: 'letter',
      });
      expect(config.settings.brief.weights.recency).toBe(3);
      expect(config.templatesDir).toBe(join(dir, 'my-templates'));
      const overridden = configFromEnv({
        BRIEF_ROOT: process.cwd(),
        BRIEF_CONFIG_FILE: file,
        BRIEF_TITLE: 'From the environment',
      });
      expect(overridden.settings.brief.title).toBe('From the environment');
      writeFileSync(file, 'titel: typo\n');
      expect(() => configFromEnv({ BRIEF_ROOT: process.cwd(), BRIEF_CONFIG_FILE: file })).toThrow(
        /brief\.config\.yaml: .*unknown option "titel"/,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
