// The dialogs of a title's file: each record the caller's role may write, through one form dialog.
import { useLang } from '../../i18n';
import { trpcClient } from '../../trpc';
import { RecordDialog, type RecordField } from './record-dialog';
import type { Dialog, TitleFile } from './title-model';

export function TitleDialogs({
  file,
  dialog,
  reasons,
  onClose,
}: {
  file: TitleFile;
  dialog: Dialog | null;
  reasons: { value: string; label: string }[];
  onClose(): void;
}) {
  const { t } = useLang();
  const f = (key: keyof ReturnType<typeof fieldLabels>) => fieldLabels(t)[key];
  let title = '';
  let fields: RecordField[] = [];
  let submit: (v: Record<string, unknown>) => Promise<unknown> = async () => {};
  let initialValues: Record<string, unknown> | undefined;
  switch (dialog?.kind) {
    case 'check':
      title = t('titleLife.actions.addCheck');
      initialValues = { result: 'satisfactory' };
      fields = [
        { name: 'checkedOn', label: f('checkedOn'), kind: 'date', required: true },
        { name: 'inspector', label: f('inspector'), kind: 'text', required: true, maxLength: 100 },
        { name: 'findings', label: f('findings'), kind: 'textarea', required: true },
        {
          name: 'result',
          label: f('result'),
          kind: 'select',
          required: true,
          options: (['satisfactory', 'issues_found'] as const).map((r) => ({
            value: r,
            label: t(`titleLife.checkResults.${r}`),
          })),
        },
      ];
      submit = (v) => trpcClient.titles.addCheck.mutate({ titleId: file.id, ...v } as never);
      break;
    case 'complaint':
      title = t('titleLife.actions.addComplaint');
      fields = [
        { name: 'receivedOn', label: f('receivedOn'), kind: 'date', required: true },
        {
          name: 'channel',
          label: f('channel'),
          kind: 'select',
          required: true,
          options: (['visit', 'phone', 'letter', 'online', 'hotline_12345', 'other'] as const).map(
            (c) => ({ value: c, label: t(`titleLife.channels.${c}`) }),
          ),
        },
        { name: 'substance', label: f('substance'), kind: 'textarea', required: true },
        { name: 'complainantName', label: f('complainantName'), kind: 'text', maxLength: 50 },
      ];
      submit = (v) => trpcClient.titles.addComplaint.mutate({ titleId: file.id, ...v } as never);
      break;
    case 'issue':
      title = t('titleLife.actions.issue');
      fields = [
        { name: 'issuedOn', label: f('issuedOn'), kind: 'date', required: true },
        { name: 'findings', label: f('rectFindings'), kind: 'textarea', required: true },
        { name: 'deadline', label: f('deadline'), kind: 'date', required: true, max: null },
      ];
      submit = (v) =>
        trpcClient.titles.issueRectification.mutate({ titleId: file.id, ...v } as never);
      break;
    case 'answer': {
      const { id, version } = dialog;
      title = t('titleLife.actions.answer');
      fields = [
        { name: 'reply', label: f('reply'), kind: 'textarea', required: true },
        { name: 'repliedOn', label: f('repliedOn'), kind: 'date', required: true },
      ];
      submit = (v) => trpcClient.titles.answerComplaint.mutate({ id, version, ...v } as never);
      break;
    }
    case 'report': {
      const { id, version } = dialog;
      title = t('titleLife.actions.report');
      fields = [{ name: 'note', label: f('reportNote'), kind: 'textarea', required: true }];
      submit = (v) => trpcClient.titles.reportRectification.mutate({ id, version, ...v } as never);
      break;
    }
    case 'complete': {
      const { id, version } = dialog;
      title = t('titleLife.actions.complete');
      fields = [
        { name: 'completedOn', label: f('completedOn'), kind: 'date', required: true },
        { name: 'note', label: f('completionNote'), kind: 'textarea' },
      ];
      submit = (v) =>
        trpcClient.titles.completeRectification.mutate({ id, version, ...v } as never);
      break;
    }
    case 'decide': {
      const { id, version } = dialog;
      title = t('titleLife.actions.decide');
      initialValues = { outcome: 'keep' };
      fields = [
        {
          name: 'outcome',
          label: f('outcome'),
          kind: 'select',
          required: true,
          options: (['keep', 'revoke', 'cancel'] as const).map((o) => ({
            value: o,
            label: t(`titles.outcomes.${o}`),
          })),
        },
        {
          name: 'reasons',
          label: t('titles.reasons'),
          kind: 'select',
          multiple: true,
          options: reasons,
        },
        { name: 'note', label: f('note'), kind: 'textarea', maxLength: 1000 },
      ];
      submit = (v) =>
        trpcClient.titles.decideRecheck.mutate({
          id,
          version,
          outcome: v.outcome as 'keep',
          reasons: (v.reasons as string[] | undefined) ?? [],
          ...(v.note ? { note: v.note as string } : {}),
        });
      break;
    }
    default:
      break;
  }
  return (
    <RecordDialog
      key={dialog ? JSON.stringify(dialog) : 'none'}
      open={dialog !== null}
      title={title}
      fields={fields}
      initialValues={initialValues}
      submit={submit}
      onClose={onClose}
      testId="title-record-form"
    />
  );
}

function fieldLabels(t: ReturnType<typeof useLang>['t']) {
  return {
    checkedOn: t('titleLife.fields.checkedOn'),
    inspector: t('titleLife.fields.inspector'),
    findings: t('titleLife.fields.findings'),
    result: t('titleLife.fields.result'),
    receivedOn: t('titleLife.fields.receivedOn'),
    channel: t('titleLife.fields.channel'),
    substance: t('titleLife.fields.substance'),
    complainantName: t('titleLife.fields.complainantName'),
    reply: t('titleLife.fields.reply'),
    repliedOn: t('titleLife.fields.repliedOn'),
    issuedOn: t('titleLife.fields.issuedOn'),
    rectFindings: t('titleLife.fields.rectFindings'),
    deadline: t('titleLife.fields.deadline'),
    reportNote: t('titleLife.fields.reportNote'),
    completedOn: t('titleLife.fields.completedOn'),
    completionNote: t('titleLife.fields.completionNote'),
    outcome: t('titleLife.fields.outcome'),
    note: t('titleLife.fields.note'),
  };
}
