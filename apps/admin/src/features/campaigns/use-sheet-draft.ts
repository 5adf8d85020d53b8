// The state of the score-sheet editor: the column being filled (a draft of the stored one), the
// version it was read at, unsaved edits (guarded on leaving and kept in a local draft), a
// save conflict with someone else's change, and the live scoring by @fazhi/domain.
import { useEffect, useMemo, useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { App } from 'antd';
import { scoreAssessment, type ItemAnswer } from '@fazhi/domain';
import { useLang } from '../../i18n';
import { problemDetails } from '../../lib/errors';
import { useLeaveGuard } from '../../lib/use-leave-guard';
import { useSingleFlight } from '../../lib/use-single-flight';
import { queryClient, trpc } from '../../trpc';
import { useErrorText } from '../../components/use-error-text';
import { clearLocalDraft, readLocalDraft, writeLocalDraft, type LocalDraft } from './local-draft';
import {
  emptyColumn,
  type ParticipationDetail,
  type SheetColumnData,
  type SheetConflict,
} from './model';

function cleanColumn(data: SheetColumnData | undefined): SheetColumnData {
  if (!data) return emptyColumn();
  return {
    items: { ...data.items },
    vetoes: [...data.vetoes],
    comments: { ...data.comments },
    ...(data.overrides ? { overrides: { ...data.overrides } } : {}),
  };
}

/** Non-empty texts, trimmed. */
function filled(texts: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [code, text] of Object.entries(texts)) {
    if (text.trim()) out[code] = text.trim();
  }
  return out;
}

/** The column as saveSheet takes it: without empty comments or reasons. */
export function forSaving(data: SheetColumnData): SheetColumnData {
  const overrides = filled(data.overrides ?? {});
  return {
    items: data.items,
    vetoes: data.vetoes,
    comments: filled(data.comments),
    ...(Object.keys(overrides).length > 0 ? { overrides } : {}),
  };
}

function sameColumn(a: SheetColumnData, b: SheetColumnData): boolean {
  const canon = (d: SheetColumnData) => {
    const c = forSaving(d);
    const sorted = (o: Record<string, unknown>) =>
      Object.keys(o)
        .sort()
        .map((k) => [k, o[k]]);
    return JSON.stringify([
      sorted(c.items),
      [...c.vetoes].sort(),
      sorted(c.comments),
      sorted(c.overrides ?? {}),
    ]);
  };
  return canon(a) === canon(b);
}

export function useSheetDraft(detail: ParticipationDetail) {
  const { t } = useLang();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const { participation, framework, editableColumn: editable } = detail;
  const stored = useMemo(
    () => cleanColumn(editable ? participation.sheet[editable] : undefined),
    [editable, participation.sheet],
  );
  const [draft, setDraft] = useState<SheetColumnData>(stored);
  const [version, setVersion] = useState(participation.version);
  const [dirty, setDirty] = useState(false);
  const [conflict, setConflict] = useState<SheetConflict | null>(null);
  // a local draft of unsaved edits from an earlier visit, offered back once
  const [offer, setOffer] = useState<LocalDraft | null>(() => {
    if (!editable) return null;
    const found = readLocalDraft(participation.id, participation.version, editable);
    return found && !sameColumn(found.data, stored) ? found : null;
  });
  const save = useMutation(trpc.participations.saveSheet.mutationOptions());
  const saving = useSingleFlight();

  useLeaveGuard(dirty);

  // every unsaved edit is kept locally, on the version it was made on
  useEffect(() => {
    if (!dirty || !editable) return;
    writeLocalDraft({ participationId: participation.id, version, column: editable, data: draft });
  }, [dirty, draft, editable, participation.id, version]);

  const live = useMemo(
    () =>
      editable ? scoreAssessment(framework, { items: draft.items, vetoes: draft.vetoes }) : null,
    [editable, framework, draft.items, draft.vetoes],
  );

  const update = (change: (d: SheetColumnData) => SheetColumnData) => {
    setDraft((d) => change(d));
    setDirty(true);
  };
  // one object for the life of the editor (`update` only calls state setters): the memoized cells
  // of the sheet keep it as a prop without re-rendering on every keystroke elsewhere
  const [actions] = useState<SheetActions>(() => ({
    setAnswer: (code, value) =>
      update((d) => {
        const items = { ...d.items };
        if (value === undefined) delete items[code];
        else items[code] = Array.isArray(value) ? [...value] : (value as boolean | number);
        return { ...d, items };
      }),
    setComment: (code, text) =>
      update((d) => ({ ...d, comments: { ...d.comments, [code]: text } })),
    setOverride: (code, text) =>
      update((d) => ({ ...d, overrides: { ...d.overrides, [code]: text } })),
  }));
  /** Fills the unanswered items with the answers the records give (an unsaved change). */
  const prefill = (answers: Record<string, ItemAnswer>): number => {
    const missing = Object.keys(answers).filter((code) => draft.items[code] === undefined);
    if (missing.length === 0) return 0;
    update((d) => {
      const items = { ...d.items };
      for (const code of missing) {
        const value = answers[code]!;
        items[code] = Array.isArray(value) ? [...value] : (value as boolean | number);
      }
      return { ...d, items };
    });
    return missing.length;
  };
  const setVeto = (code: string, on: boolean) =>
    update((d) => ({
      ...d,
      vetoes: on
        ? framework.vetoes.map((v) => v.code).filter((c) => c === code || d.vetoes.includes(c))
        : d.vetoes.filter((c) => c !== code),
    }));

  const invalidate = () => {
    void queryClient.invalidateQueries(trpc.participations.pathFilter());
    void queryClient.invalidateQueries(trpc.campaigns.pathFilter());
    void queryClient.invalidateQueries(trpc.dashboard.pathFilter());
  };

  /** Saves the draft as of `atVersion` (the version read, or the other's after a conflict). */
  const doSave = (atVersion: number) =>
    saving.run(async () => {
      if (!editable) return;
      try {
        const result = await save.mutateAsync({
          id: participation.id,
          version: atVersion,
          column: editable,
          data: forSaving(draft),
        });
        setVersion(result.version);
        setDirty(false);
        setConflict(null);
        clearLocalDraft(participation.id);
        void message.success(t('sheet.saved'));
        invalidate();
      } catch (error) {
        const found = problemDetails(error, 'SHEET_CONFLICT');
        if (found) setConflict(found);
        else void message.error(errorText(error));
      }
    });

  /** Takes the local draft back into the editor (still unsaved). */
  const restore = () => {
    if (!offer) return;
    setDraft(cleanColumn(offer.data));
    setDirty(true);
    setOffer(null);
  };
  const discardOffer = () => {
    clearLocalDraft(participation.id);
    setOffer(null);
  };
  /** Forgets the edits (before the page reloads the sheet on purpose). */
  const forget = () => {
    clearLocalDraft(participation.id);
    setDirty(false);
  };

  return {
    editable,
    draft,
    version,
    setVersion,
    dirty,
    conflict,
    setConflict,
    live,
    actions,
    prefill,
    setVeto,
    doSave,
    saving: saving.pending,
    offer,
    restore,
    discardOffer,
    forget,
    invalidate,
  };
}

export type SheetDraft = ReturnType<typeof useSheetDraft>;

/** The edits of one item, the same functions for the life of the editor. */
export interface SheetActions {
  setAnswer(code: string, value: ItemAnswer | undefined): void;
  setComment(code: string, text: string): void;
  /** The reason an answer differs from the records'. */
  setOverride(code: string, text: string): void;
}
