// 从Excel导入: the county uploads its own 考核评分表 workbook; the API reads it into a draft (or lists
// every bad cell, all or nothing); here the county names it, reviews the grades and chooses the
// method and rule of every item the workbook did not state plainly. The draft is checked with
// `validateFramework` as it changes and saved through `frameworks.import` like a JSON import.
import { useMemo, useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Table,
  Tag,
  Typography,
  Upload,
} from 'antd';
import { FileExcelOutlined } from '@ant-design/icons';
import {
  assessmentMethods,
  type DraftItem,
  type ListedGrade,
  type ScoreTableProblem,
} from '@fazhi/domain';
import { useLang } from '../../i18n';
import { localized } from '../../lib/errors';
import { queryClient, trpc } from '../../trpc';
import { useErrorText } from '../../components/use-error-text';
import { postFile, XLSX_TYPE } from '../campaigns/upload';
import { importRefusal, type ImportRefusal } from './framework-import';
import { formatPoints } from '@fazhi/domain';
import { ProblemTable } from './import-dialog';
import {
  applyChoices,
  editableRuleKinds,
  FRAMEWORK_WORKBOOK_URL,
  initialChoices,
  itemsToComplete,
  MAX_WORKBOOK_BYTES,
  readWorkbookResponse,
  remainingProblems,
  type DraftChoices,
  type EditableRuleKind,
  type WorkbookOutcome,
} from './framework-workbook';

interface Props {
  open: boolean;
  onClose(): void;
  /** Called with the new framework's id after it is saved. */
  onImported(id: string): void;
}

type Loaded = Extract<WorkbookOutcome, { ok: true }>;
type Refused = Extract<WorkbookOutcome, { ok: false }>;

function BadCellTable({ problems }: { problems: readonly ScoreTableProblem[] }) {
  const { t, lang } = useLang();
  return (
    <Table<ScoreTableProblem>
      size="small"
      data-testid="framework-xlsx-bad-cells"
      rowKey={(p) => `${p.sheet}|${p.cell ?? ''}|${p.code}|${p.message.zh}`}
      dataSource={[...problems]}
      pagination={problems.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
      columns={[
        { key: 'sheet', title: t('frameworks.xlsx.sheet'), width: 140, dataIndex: 'sheet' },
        {
          key: 'cell',
          title: t('frameworks.xlsx.cell'),
          width: 80,
          render: (_, p) => (p.cell ? <Typography.Text code>{p.cell}</Typography.Text> : '—'),
        },
        {
          key: 'message',
          title: t('frameworks.problemMessage'),
          render: (_, p) => localized(p.message, lang),
        },
      ]}
    />
  );
}

const needsValue = (kind: EditableRuleKind) => kind !== 'check';

export function FrameworkExcelImportDialog({ open, onClose, onImported }: Props) {
  const { t } = useLang();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [uploading, setUploading] = useState(false);
  const [fileProblem, setFileProblem] = useState<'onlyXlsx' | 'tooLarge' | null>(null);
  const [refused, setRefused] = useState<Refused | null>(null);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [choices, setChoices] = useState<DraftChoices | null>(null);
  const [saveRefused, setSaveRefused] = useState<{ error: unknown; refusal: ImportRefusal } | null>(
    null,
  );
  const saving = useMutation(trpc.frameworks.import.mutationOptions());

  const draft = loaded?.draft ?? null;
  const definition = useMemo(
    () => (draft && choices ? applyChoices(draft, choices) : null),
    [draft, choices],
  );
  const problems = useMemo(
    () => (definition && draft ? remainingProblems(definition, draft) : []),
    [definition, draft],
  );
  const toComplete = useMemo(
    () => new Set(draft && choices ? itemsToComplete(draft, choices) : []),
    [draft, choices],
  );
  const cellOf = useMemo(() => {
    const cells = new Map<string, string>();
    for (const p of loaded?.incomplete ?? []) {
      const m = /^areas\[(\d+)\]\.items\[(\d+)\]/.exec(p.path ?? '');
      const item = m ? draft?.areas[Number(m[1])]?.items[Number(m[2])] : undefined;
      if (item && p.cell && !cells.has(item.code)) cells.set(item.code, p.cell);
    }
    return cells;
  }, [loaded, draft]);

  const reset = () => {
    setFileProblem(null);
    setRefused(null);
    setLoaded(null);
    setChoices(null);
    setSaveRefused(null);
    saving.reset();
  };
  const close = () => {
    if (saving.isPending || uploading) return;
    reset();
    onClose();
  };

  const choose = async (file: File) => {
    reset();
    if (!file.name.toLowerCase().endsWith('.xlsx')) return setFileProblem('onlyXlsx');
    if (file.size > MAX_WORKBOOK_BYTES) return setFileProblem('tooLarge');
    setUploading(true);
    try {
      const { status, body } = await postFile(FRAMEWORK_WORKBOOK_URL, file, XLSX_TYPE);
      const outcome = readWorkbookResponse(status, body);
      if (outcome.ok) {
        setLoaded(outcome);
        setChoices(initialChoices(outcome.draft));
      } else {
        setRefused(outcome);
      }
    } finally {
      setUploading(false);
    }
  };

  const update = (change: (c: DraftChoices) => DraftChoices) => {
    setSaveRefused(null);
    setChoices((c) => (c ? change(c) : c));
  };

  const save = () => {
    if (!definition || problems.length > 0) return;
    setSaveRefused(null);
    saving.mutate(
      { definition },
      {
        onSuccess: (result) => {
          void message.success(
            t('frameworks.done', { code: result.code, version: result.version }),
          );
          void queryClient.invalidateQueries(trpc.frameworks.pathFilter());
          reset();
          onImported(result.id);
        },
        onError: (error) => setSaveRefused({ error, refusal: importRefusal(error) }),
      },
    );
  };

  const items = draft ? draft.areas.flatMap((a) => a.items) : [];

  return (
    <Modal
      open={open}
      title={t('frameworks.xlsx.title')}
      onCancel={close}
      width={1100}
      destroyOnHidden
      mask={{ closable: !saving.isPending && !uploading }}
      closable={!saving.isPending && !uploading}
      footer={[
        <Button key="cancel" onClick={close} disabled={saving.isPending || uploading}>
          {t('app.cancel')}
        </Button>,
        <Button
          key="save"
          type="primary"
          data-testid="framework-xlsx-save"
          disabled={!definition || problems.length > 0}
          loading={saving.isPending}
          onClick={save}
        >
          {t('frameworks.xlsx.save')}
        </Button>,
      ]}
    >
      <Flex vertical gap={12}>
        <Alert type="info" showIcon title={t('frameworks.xlsx.hint')} />
        <Flex gap={8} align="center" wrap>
          <Upload
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            showUploadList={false}
            disabled={uploading || saving.isPending}
            beforeUpload={(file) => {
              void choose(file);
              return false;
            }}
          >
            <Button
              icon={<FileExcelOutlined />}
              loading={uploading}
              data-testid="framework-xlsx-file"
            >
              {loaded || refused ? t('frameworks.xlsx.chooseAgain') : t('frameworks.xlsx.choose')}
            </Button>
          </Upload>
        </Flex>
        {fileProblem ? (
          <Alert
            type="error"
            showIcon
            title={
              fileProblem === 'tooLarge'
                ? t('frameworks.fileTooLarge', { size: MAX_WORKBOOK_BYTES / 1024 / 1024 })
                : t('frameworks.xlsx.onlyXlsx')
            }
          />
        ) : null}

        {refused ? (
          <Flex vertical gap={8} data-testid="framework-xlsx-refused">
            <Alert
              type="error"
              showIcon
              title={t('frameworks.xlsx.refused')}
              description={errorText({ data: refused.error })}
            />
            {refused.problems.length > 0 ? <BadCellTable problems={refused.problems} /> : null}
          </Flex>
        ) : null}

        {loaded && draft && choices ? (
          <Flex vertical gap={12} data-testid="framework-xlsx-draft">
            <Alert
              type={toComplete.size > 0 ? 'warning' : 'success'}
              showIcon
              title={t('frameworks.xlsx.read', {
                sheet: loaded.sheet,
                areas: draft.areas.length,
                items: items.length,
                vetoes: draft.vetoes.length,
                points: formatPoints(draft.totalPoints),
              })}
              description={
                toComplete.size > 0
                  ? t('frameworks.xlsx.toComplete', { count: toComplete.size })
                  : undefined
              }
            />
            <Form layout="inline" style={{ rowGap: 8 }}>
              <Form.Item label={t('frameworks.code')} required>
                <Input
                  data-testid="framework-xlsx-code"
                  value={choices.code}
                  onChange={(e) => update((c) => ({ ...c, code: e.target.value }))}
                  style={{ width: 160 }}
                />
              </Form.Item>
              <Form.Item label={t('frameworks.name')} required>
                <Input
                  data-testid="framework-xlsx-name"
                  value={choices.name}
                  onChange={(e) => update((c) => ({ ...c, name: e.target.value }))}
                  style={{ width: 300 }}
                />
              </Form.Item>
              <Form.Item label={t('frameworks.version')} required>
                <Input
                  data-testid="framework-xlsx-version"
                  value={choices.version}
                  onChange={(e) => update((c) => ({ ...c, version: e.target.value }))}
                  style={{ width: 100 }}
                />
              </Form.Item>
              <Form.Item label={t('frameworks.status')}>
                <Select<'in_force' | 'draft'>
                  data-testid="framework-xlsx-status"
                  style={{ width: 110 }}
                  value={choices.status}
                  options={(['in_force', 'draft'] as const).map((s) => ({
                    value: s,
                    label: t(`frameworks.statuses.${s}`),
                  }))}
                  onChange={(status) => update((c) => ({ ...c, status }))}
                />
              </Form.Item>
            </Form>
            <Form layout="inline">
              {(['excellent', 'good', 'pass'] as ListedGrade[]).map((g) => (
                <Form.Item key={g} label={t(`frameworks.gradeNames.${g}`)}>
                  <InputNumber
                    data-testid={`framework-xlsx-grade-${g}`}
                    min={0}
                    max={draft.totalPoints}
                    step={1}
                    value={choices.grades[g]}
                    onChange={(v) =>
                      update((c) => ({
                        ...c,
                        grades: { ...c.grades, [g]: typeof v === 'number' ? v : null },
                      }))
                    }
                    suffix={t('frameworks.xlsx.pointsSuffix')}
                  />
                </Form.Item>
              ))}
            </Form>
            <Table<DraftItem>
              size="small"
              rowKey="code"
              data-testid="framework-xlsx-items"
              dataSource={items}
              pagination={false}
              scroll={{ y: 360 }}
              columns={[
                { key: 'code', title: t('frameworks.code'), dataIndex: 'code', width: 70 },
                {
                  key: 'name',
                  title: t('frameworks.item'),
                  render: (_, item) => (
                    <Flex vertical gap={2}>
                      <Space size={4} wrap>
                        <span>{item.name}</span>
                        {toComplete.has(item.code) ? (
                          <Tag color="orange" data-testid={`framework-xlsx-todo-${item.code}`}>
                            {cellOf.has(item.code)
                              ? t('frameworks.xlsx.todoAt', { cell: cellOf.get(item.code) })
                              : t('frameworks.xlsx.todo')}
                          </Tag>
                        ) : null}
                      </Space>
                      {item.note ? (
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {t('frameworks.xlsx.ruleText', { text: item.note })}
                        </Typography.Text>
                      ) : null}
                    </Flex>
                  ),
                },
                {
                  key: 'points',
                  title: t('frameworks.points'),
                  width: 60,
                  align: 'right',
                  render: (_, item) => formatPoints(item.points),
                },
                {
                  key: 'method',
                  title: t('frameworks.method'),
                  width: 130,
                  render: (_, item) => (
                    <Select<string>
                      size="small"
                      style={{ width: 120 }}
                      data-testid={`framework-xlsx-method-${item.code}`}
                      placeholder={t('frameworks.xlsx.choosePlaceholder')}
                      status={choices.methods[item.code] ? undefined : 'warning'}
                      value={choices.methods[item.code]}
                      options={assessmentMethods.map((m) => ({
                        value: m,
                        label: t(`frameworks.methods.${m}`),
                      }))}
                      onChange={(m) =>
                        update((c) => ({
                          ...c,
                          methods: {
                            ...c.methods,
                            [item.code]: m as (typeof assessmentMethods)[number],
                          },
                        }))
                      }
                    />
                  ),
                },
                {
                  key: 'rule',
                  title: t('frameworks.rule'),
                  width: 290,
                  render: (_, item) => {
                    const rule = choices.rules[item.code];
                    return (
                      <Space size={4}>
                        <Select<EditableRuleKind>
                          size="small"
                          style={{ width: 130 }}
                          data-testid={`framework-xlsx-rule-${item.code}`}
                          placeholder={t('frameworks.xlsx.choosePlaceholder')}
                          status={rule ? undefined : 'warning'}
                          value={rule?.kind}
                          options={editableRuleKinds.map((k) => ({
                            value: k,
                            label: t(`frameworks.xlsx.kinds.${k}`),
                          }))}
                          onChange={(kind) =>
                            update((c) => ({
                              ...c,
                              rules: {
                                ...c.rules,
                                [item.code]: {
                                  kind,
                                  value:
                                    c.rules[item.code]?.kind === kind
                                      ? c.rules[item.code]!.value
                                      : null,
                                },
                              },
                            }))
                          }
                        />
                        {rule && needsValue(rule.kind) ? (
                          <InputNumber<number>
                            size="small"
                            style={{ width: 130 }}
                            data-testid={`framework-xlsx-value-${item.code}`}
                            min={0}
                            step={1}
                            placeholder={t(`frameworks.xlsx.valueHint.${rule.kind}`)}
                            prefix={t(`frameworks.xlsx.valueLabel.${rule.kind}`)}
                            value={rule.value}
                            onChange={(v) =>
                              update((c) => ({
                                ...c,
                                rules: {
                                  ...c.rules,
                                  [item.code]: {
                                    kind: rule.kind,
                                    value: typeof v === 'number' ? v : null,
                                  },
                                },
                              }))
                            }
                          />
                        ) : null}
                      </Space>
                    );
                  },
                },
              ]}
            />
            {draft.vetoes.length > 0 ? (
              <Typography.Text type="secondary">
                {t('frameworks.vetoes')}：{draft.vetoes.map((v) => v.name).join('；')}
              </Typography.Text>
            ) : null}
            <div data-testid="framework-xlsx-check">
              {problems.length > 0 ? (
                <Flex vertical gap={8}>
                  <Alert
                    type="warning"
                    showIcon
                    title={t('frameworks.xlsx.remaining', { count: problems.length })}
                  />
                  <ProblemTable problems={problems} testId="framework-xlsx-problems" />
                </Flex>
              ) : (
                <Alert type="success" showIcon title={t('frameworks.xlsx.ready')} />
              )}
            </div>
          </Flex>
        ) : null}

        {saveRefused ? (
          <Flex vertical gap={8} data-testid="framework-xlsx-server-result">
            <Alert
              type={saveRefused.refusal.versionExists ? 'warning' : 'error'}
              showIcon
              title={
                saveRefused.refusal.versionExists
                  ? t('frameworks.versionExists')
                  : t('frameworks.failed')
              }
              description={errorText(saveRefused.error)}
            />
            {saveRefused.refusal.problems.length > 0 ? (
              <ProblemTable
                problems={saveRefused.refusal.problems}
                testId="framework-xlsx-server-problems"
              />
            ) : null}
          </Flex>
        ) : null}
      </Flex>
    </Modal>
  );
}
