import { defaultBriefOptions } from '../../functions/brief/brief-options';
import { buildBrief } from '../../functions/brief/build-brief';
import type { BriefModel } from '../../functions/model/types';
import { syntheticArticles } from '../bench/synthetic-articles';
import { receivedAt, recordOfText } from './parse';
import { reference } from './reference';

const edition = '2026-11-22';

/** Two uploads the generator does not write: a report in French and a match report. */
const EXTRA_UPLOADS = [
  {
    name: 'le-monde-kaboul.txt',
    body: `Les talibans promettent un gouvernement inclusif à Kaboul

KABOUL — Les talibans ont promis mardi de former un gouvernement inclusif en Afghanistan, alors que la Russie et la Chine ont appelé la communauté internationale à dialoguer avec les nouvelles autorités. Le ministre russe des Affaires étrangères a déclaré que Moscou suivrait de près la situation sécuritaire dans la région. Pékin a indiqué que son ambassade à Kaboul restait ouverte et que la Chine respectait le choix du peuple afghan. Les pays voisins craignent un afflux de réfugiés et une hausse du trafic de drogue.`,
  },
  {
    name: 'cup-final.txt',
    body: `United win the cup final after extra time

The striker scored twice in extra time as United beat City 3-2 in the cup final on Saturday. The goalkeeper saved a penalty in the second half, and the coach praised the fans after the match. The midfielder was named player of the match. The team will parade the trophy through the city on Sunday, and the league title race resumes next week with the derby at home.`,
  },
];

/**
 * A large brief built from synthetic articles (the benchmark's generator, plus a report in
 * French and a match report) through the real ingest and compile steps: many sources, key
 * developments citing several of them, items that break across pages, In other languages and
 * Not included. The build caps the heat map at 12 actors; `heatmapRows` lengthens it (actors
 * of the gazetteer, long names included, counts in a fixed pattern) so that it runs over more
 * than one page, as a long one would.
 */
export function largeBriefModel(count = 200, heatmapRows = 60): BriefModel {
  const data = reference();
  const uploads = [...syntheticArticles(count, edition), ...EXTRA_UPLOADS];
  const articles = uploads.map((upload) =>
    recordOfText(new TextEncoder().encode(upload.body), {
      key: `incoming/${upload.name}`,
      edition,
      receivedAt,
      reference: data,
      minWords: 30,
    }),
  );
  const model = buildBrief({
    edition,
    generatedAt: receivedAt,
    articles,
    rejected: [
      {
        key: 'incoming/photo.jpg',
        reason: 'incoming/photo.jpg: .jpg files are not supported',
        at: receivedAt.toISOString(),
        edition,
      },
    ],
    reference: data,
    options: { ...defaultBriefOptions, maxActors: 40 },
  });
  return heatmapRows > 0 ? withLongHeatmap(model, heatmapRows) : model;
}

/** The model's heat map with at least `rows` actors and every theme of the taxonomy. */
function withLongHeatmap(model: BriefModel, rows: number): BriefModel {
  const data = reference();
  const actors = [...model.heatmap.actors];
  const ids = new Set(actors.map((actor) => actor.id));
  for (const actor of [...data.actors.values()].sort((a, b) => a.id.localeCompare(b.id))) {
    if (actors.length >= rows) break;
    if (ids.has(actor.id)) continue;
    actors.push({ id: actor.id, name: actor.name });
    ids.add(actor.id);
  }
  const themes = data.themes.map((theme) => ({ id: theme.id, name: theme.label }));
  const cells = actors.flatMap((actor, i) =>
    themes.map((theme, j) => ({ actor: actor.id, theme: theme.id, count: (i * 7 + j * 3) % 13 })),
  );
  return { ...model, heatmap: { actors, themes, cells: cells.filter((cell) => cell.count > 0) } };
}
