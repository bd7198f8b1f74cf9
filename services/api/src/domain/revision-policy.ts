// When a save keeps the text it replaces as a revision: autosave at most once per note per window
// of editing (not one per pause), an overwrite after a conflict and a restore always.
import { revisionLimits } from '@jotter/shared/revision-limits';

/**
 * Whether a save at `now` keeps the text it replaces, the last revision having been kept at
 * `lastRevisionAt`. `always`: an overwrite after a conflict or a restore; else autosave.
 */
export function keepsRevision(always: boolean, lastRevisionAt: string | undefined, now: Date): boolean {
  if (always || lastRevisionAt === undefined) return true;
  return now.getTime() - Date.parse(lastRevisionAt) >= revisionLimits.coalesceMinutes * 60_000;
}
