// The unsaved edits of a score sheet, kept in the browser (localStorage) while they are made, so
// that a reload, a crash or a lost connection does not lose them: keyed by the participation and
// offered back only on the version they were made on and for the same column.
import type { SheetColumn, SheetColumnData } from './model';

export interface LocalDraft {
  participationId: string;
  version: number;
  column: SheetColumn;
  data: SheetColumnData;
  /** When it was last written (ISO). */
  at: string;
}

const PREFIX = 'fazhi.sheet-draft.';

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

function keyOf(participationId: string) {
  return PREFIX + participationId;
}

/** The draft of this participation made on `version` in `column`, if any. */
export function readLocalDraft(
  participationId: string,
  version: number,
  column: SheetColumn,
): LocalDraft | null {
  const store = storage();
  const raw = store?.getItem(keyOf(participationId));
  if (!raw) return null;
  try {
    const draft = JSON.parse(raw) as LocalDraft;
    if (draft.participationId !== participationId) return null;
    if (draft.version < version) {
      // made on an older version: the sheet has moved on since (saved, returned, …)
      store?.removeItem(keyOf(participationId));
      return null;
    }
    if (draft.version !== version || draft.column !== column) return null;
    if (typeof draft.data !== 'object' || draft.data === null || !('items' in draft.data)) {
      return null;
    }
    return draft;
  } catch {
    return null;
  }
}

export function writeLocalDraft(draft: Omit<LocalDraft, 'at'>): void {
  try {
    storage()?.setItem(
      keyOf(draft.participationId),
      JSON.stringify({ ...draft, at: new Date().toISOString() }),
    );
  } catch {
    // storage full or disabled: the leave prompt still guards the edits
  }
}

export function clearLocalDraft(participationId: string): void {
  storage()?.removeItem(keyOf(participationId));
}
