/** What a team may tune about its brief; every field has a default. */
export interface BriefOptions {
  title: string;
  /** Handling line under the masthead, e.g. "OFFICIAL — for internal use". */
  handling: string | null;
  maxHighlights: number;
  maxActors: number;
  maxItemsPerActor: number;
  maxItemsPerTheme: number;
  /** Sentences scoring below this are never quoted. */
  minSentenceScore: number;
}

export const defaultBriefOptions: BriefOptions = {
  title: 'Daily Diplomatic Brief',
  handling: 'OFFICIAL — for internal use',
  maxHighlights: 7,
  maxActors: 15,
  maxItemsPerActor: 4,
  maxItemsPerTheme: 3,
  minSentenceScore: 0.5,
};
