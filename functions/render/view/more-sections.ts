import type { BriefModel } from '../../model/types';
import type { CiteOf } from './citations';
import { type ActorRef, displayName, type NameBook, type ThemeRef } from './names';
import { rejectedView } from './reasons';

/** An article in another language, as "In other languages" lists it. */
export interface OtherLanguageView {
  id: string;
  key: string;
  /** The title as written (in its language), trimmed, or "untitled". */
  title: string;
  /** The language's English name ("French"). */
  language: string;
  /** The language code as written in `lang=""` (`fr`). */
  languageCode: string;
  /** The outlet, trimmed; null when unknown. */
  outlet: string | null;
  actors: ActorRef[];
  /** Its citation number in Sources. */
  refs: number[];
}

/** An upload that is not in the brief: a rejected file or an off-topic article, and why. */
export interface NotIncludedView {
  key: string;
  /** The article's title for an off-topic article; null for a rejected upload. */
  title: string | null;
  outlet: string | null;
  reason: string;
}

/** One "Also in today's reports" line: actors named in passing and where they appear. */
export interface AlsoMentionedView {
  actors: ActorRef[];
  seeHighlights: number[];
  seeActors: ActorRef[];
  seeThemes: ThemeRef[];
  /** The line as plain text: "Kazakhstan, Kyrgyzstan → Key development 3; see Russia". */
  text: string;
  /** The pointer part alone: "Key development 3; see Russia". */
  where: string;
}

export function otherLanguagesView(
  model: BriefModel,
  names: NameBook,
  citeOf: CiteOf,
): OtherLanguageView[] {
  return (model.otherLanguages ?? []).map((entry) => ({
    id: entry.id,
    key: entry.key,
    title: entry.title.trim() || 'untitled',
    language: displayName(entry.languageName, entry.language),
    languageCode: /^[a-z]{2,3}$/i.test(entry.language) ? entry.language.toLowerCase() : '',
    outlet: entry.source?.trim() || null,
    actors: entry.actors.map((actor) => ({
      ...names.actor(actor.id),
      name: displayName(actor.name, actor.id),
    })),
    refs: citeOf([entry.id]).refs,
  }));
}

/** Rejected uploads and off-topic articles together, by key: both are "Not included". */
export function notIncludedView(model: BriefModel): NotIncludedView[] {
  const rejected = rejectedView(model.rejected).map(({ key, reason }) => ({
    key,
    title: null,
    outlet: null,
    reason,
  }));
  const offTopic = (model.offTopic ?? []).map((entry) => ({
    key: entry.key,
    title: entry.title.trim() || null,
    outlet: entry.source?.trim() || null,
    reason: entry.reason,
  }));
  return [...rejected, ...offTopic].sort((a, b) => a.key.localeCompare(b.key));
}

/** "Key development 3", "Key developments 1, 3". */
export function highlightsPointer(numbers: number[]): string {
  return `Key development${numbers.length === 1 ? '' : 's'} ${numbers.join(', ')}`;
}

export function alsoMentionedView(model: BriefModel, names: NameBook): AlsoMentionedView[] {
  return (model.alsoMentioned ?? []).map((entry) => {
    const actors = entry.actors.map((actor) => ({
      ...names.actor(actor.id),
      name: displayName(actor.name, actor.id),
    }));
    const seeActors = entry.seeActors.map((actor) => ({
      ...names.actor(actor.id),
      name: displayName(actor.name, actor.id),
    }));
    const seeThemes = entry.seeThemes.map((theme) => ({
      ...names.theme(theme.id),
      name: displayName(theme.name, theme.id),
    }));
    const parts: string[] = [];
    if (entry.seeHighlights.length) parts.push(highlightsPointer(entry.seeHighlights));
    const sections = [...seeActors, ...seeThemes].map((section) => section.name);
    if (sections.length) parts.push(`see ${sections.join(', ')}`);
    const where = parts.join('; ');
    const list = actors.map((actor) => actor.name).join(', ');
    return {
      actors,
      seeHighlights: entry.seeHighlights,
      seeActors,
      seeThemes,
      where,
      text: where ? `${list} → ${where}` : list,
    };
  });
}
