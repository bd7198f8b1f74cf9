// When a save keeps the text it replaces as a revision: autosave at most once per note per window
// of editing (not one per pause), an overwrite after a conflict and a restore always.
import { revisionLimits } from '@jotter/shared/revision-limits';

/** Why a save keeps a revision: always (overwrite, restore), or only once per window (autosave). */
export type KeepRevision = 'always' | 'coalesced';

/** Whether a save at `now` keeps the text it replaces, the last revision having been kept at `lastRevisionAt`. */
export function keepsRevision(keep: KeepRevision, lastRevisionAt: string | undefined, now: Date): boolean {
  if (keep === 'always' || lastRevisionAt === undefined) return true;
  return now.getTime() - Date.parse(lastRevisionAt) >= revisionLimits.coalesceMinutes * 60_000;
}
