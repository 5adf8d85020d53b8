// 选举评议: a village's elections, recalls, the representatives' make-up and democratic appraisals,
// each recorded with its figures (counts only; candidates by label, members by office) and shown
// with the check `@fazhi/domain` gave under the law in force on its date, with the articles.
import { useState } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Flex,
  Form,
  Input,
  InputNumber,
  List,
  Modal,
  Radio,
  Select,
  Space,
  Tag,
  Typography,
} from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { describeCitation } from '@fazhi/domain';
import { useLang } from '../../i18n';
import { useFormErrorHandler } from '../../lib/use-form-error-handler';
import { queryClient, trpc } from '../../trpc';
import { QueryError } from '../../components/query-error';
import type { RouterInputs, RouterOutputs } from '../../types';
import type { recordsZh } from '../../i18n/records-resources';
import { todayIso } from './model';
import { DeleteRecordButton } from './delete-record';
import { useErrorText } from '../../components/use-error-text';

type ElectionRow = RouterOutputs['elections']['list'][number];
type ElectionInput = RouterInputs['elections']['save'];
type Kind = ElectionRow['kind'];

const kinds: readonly Kind[] = ['election', 'recall', 'representatives', 'appraisal'];
const ratings = ['competent', 'basically_competent', 'incompetent'] as const;
type VerdictKey = keyof typeof recordsZh.elections.verdicts;
type FigureField = keyof typeof recordsZh.elections.fields;
type T = ReturnType<typeof useLang>['t'];

/** The check's verdict in a word: its main flag for each kind. */
function verdict(row: Pick<ElectionRow, 'kind' | 'check'>): { ok: boolean; key: VerdictKey } {
  const c = row.check;
  switch (row.kind) {
    case 'election':
      return c.valid ? { ok: true, key: 'valid' } : { ok: false, key: 'invalid' };
    case 'recall':
      return c.passed
        ? { ok: true, key: 'recalled' }
        : c.initiated
          ? { ok: false, key: 'notRecalled' }
          : { ok: false, key: 'notInitiated' };
    case 'representatives':
      return c.ok ? { ok: true, key: 'lawful' } : { ok: false, key: 'unlawful' };
    case 'appraisal':
      return c.terminated ? { ok: false, key: 'terminated' } : { ok: true, key: 'continues' };
  }
}

/** A record's figures in one line. */
function summary(row: ElectionRow, t: T): string {
  const f = row.figures as Record<string, unknown>;
  switch (row.kind) {
    case 'election': {
      const elected = (row.check.elected ?? []).join('、') || '—';
      return t('records.elections.electionSummary', {
        voters: f.registeredVoters,
        cast: f.ballotsCast,
        seats: f.seats,
        elected,
      });
    }
    case 'recall':
      return t('records.elections.recallSummary', {
        voters: f.registeredVoters,
        initiating: f.initiatingVoters ?? f.initiatingRepresentatives ?? '—',
        cast: f.ballotsCast ?? '—',
        votesFor: f.votesFor ?? '—',
      });
    case 'representatives':
      return t('records.elections.representativesSummary', {
        households: f.households,
        representatives: f.representatives,
        women: f.womenRepresentatives,
        members: f.committeeMembers,
      });
    case 'appraisal': {
      const list = (f.ratings as { year: number; rating: (typeof ratings)[number] }[]) ?? [];
      return `${String(f.member)}：${list
        .map((r) => `${r.year} ${t(`records.elections.ratings.${r.rating}`)}`)
        .join('，')}`;
    }
  }
}

/** The check's verdict, problems and citations. */
function CheckResult({ row }: { row: Pick<ElectionRow, 'kind' | 'check'> }) {
  const { t, lang } = useLang();
  const v = verdict(row);
  return (
    <Flex vertical gap={2} data-testid="election-check">
      <div>
        <Tag color={v.ok ? 'success' : 'error'}>{t(`records.elections.verdicts.${v.key}`)}</Tag>
      </div>
      {row.check.problems.map((p, i) => (
        <Typography.Text key={i} type={p.severity === 'error' ? 'danger' : 'warning'}>
          {p.message[lang]}
        </Typography.Text>
      ))}
      {row.check.citations.length > 0 && (
        <Typography.Text type="secondary" data-testid="election-citations">
          {`${t('records.meeting.citations')}：${row.check.citations
            .map((c) => describeCitation(c as never)[lang])
            .join('；')}`}
        </Typography.Text>
      )}
    </Flex>
  );
}

export function ElectionsTab({
  villageCode,
  canWrite,
}: {
  villageCode: string;
  canWrite: boolean;
}) {
  const { t } = useLang();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<ElectionRow | null>(null);
  const list = useQuery(trpc.elections.list.queryOptions({ villageCode }));
  const remove = useMutation(
    trpc.elections.remove.mutationOptions({
      onSuccess: async () => {
        void message.success(t('records.manage.removed'));
        await queryClient.invalidateQueries(trpc.elections.pathFilter());
        await queryClient.invalidateQueries(trpc.records.pathFilter());
      },
      onError: (error) => void message.error(errorText(error)),
    }),
  );
  if (list.error) return <QueryError error={list.error} onRetry={() => void list.refetch()} />;
  return (
    <Flex vertical gap={8}>
      {canWrite && (
        <div>
          <Button type="primary" onClick={() => setAdding(true)} data-testid="election-add">
            {t('records.elections.add')}
          </Button>
        </div>
      )}
      <List<ElectionRow>
        loading={list.isLoading}
        dataSource={list.data ?? []}
        locale={{ emptyText: t('records.elections.none') }}
        data-testid="elections-list"
        renderItem={(row) => (
          <List.Item>
            <Flex vertical gap={4} style={{ width: '100%' }}>
              <Space wrap>
                <Typography.Text strong>{t(`records.elections.kinds.${row.kind}`)}</Typography.Text>
                <Typography.Text type="secondary">{row.date}</Typography.Text>
                {row.correctedAfterSubmission && <Tag color="orange">{t('records.corrected')}</Tag>}
                {canWrite && (
                  <Space size={0}>
                    <Button
                      type="link"
                      size="small"
                      onClick={() => setEditing(row)}
                      data-testid={`election-edit-${row.id}`}
                    >
                      {t('records.manage.edit')}
                    </Button>
                    <DeleteRecordButton
                      testId={`election-remove-${row.id}`}
                      pending={remove.isPending && remove.variables?.id === row.id}
                      onDelete={() => remove.mutate({ id: row.id, version: row.version })}
                    />
                  </Space>
                )}
              </Space>
              <Typography.Text>{summary(row, t)}</Typography.Text>
              <CheckResult row={row} />
            </Flex>
          </List.Item>
        )}
      />
      {adding && <ElectionForm villageCode={villageCode} onClose={() => setAdding(false)} />}
      {editing && (
        <ElectionForm
          key={editing.id}
          villageCode={villageCode}
          record={editing}
          onClose={() => setEditing(null)}
        />
      )}
    </Flex>
  );
}

interface Values {
  kind: Kind;
  date: string;
  figures: Record<string, unknown>;
}

const count = { min: 0, precision: 0, style: { width: '100%' } } as const;

/** Records an election (or recall…), or corrects `record` (sent with its id and version read). */
function ElectionForm({
  villageCode,
  record,
  onClose,
}: {
  villageCode: string;
  record?: ElectionRow | undefined;
  onClose: () => void;
}) {
  const { t } = useLang();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form) ?? 'election';
  const [saved, setSaved] = useState<ElectionRow | null>(null);
  const onError = useFormErrorHandler(form, ['kind', 'date', 'figures']);
  const save = useMutation(
    trpc.elections.save.mutationOptions({
      onSuccess: async (row) => {
        void message.success(t('records.elections.saved'));
        setSaved(row);
        await queryClient.invalidateQueries(trpc.elections.pathFilter());
        await queryClient.invalidateQueries(trpc.records.pathFilter());
      },
      onError,
    }),
  );
  const submit = (values: Values) => {
    // empty optional figures are left out, not sent as null
    const figures = Object.fromEntries(
      Object.entries(values.figures ?? {}).filter(([, v]) => v !== null && v !== undefined),
    );
    save.mutate({
      ...(record ? { id: record.id, version: record.version } : {}),
      villageCode,
      kind: values.kind,
      date: values.date,
      figures,
    } as ElectionInput);
  };
  const number = (name: FigureField, required = true) => (
    <Form.Item
      key={name}
      name={['figures', name]}
      label={t(`records.elections.fields.${name}`)}
      rules={required ? [{ required: true, message: t('records.elections.required') }] : []}
    >
      <InputNumber {...count} data-testid={`election-${name}`} />
    </Form.Item>
  );
  return (
    <Modal
      open
      title={record ? t('records.manage.editElection') : t('records.elections.add')}
      onCancel={onClose}
      width={560}
      okText={saved ? t('app.close') : t('app.save')}
      cancelButtonProps={saved ? { style: { display: 'none' } } : {}}
      onOk={() => (saved ? onClose() : form.submit())}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      {saved ? (
        <Card size="small" data-testid="election-saved">
          <Typography.Paragraph>{summary(saved, t)}</Typography.Paragraph>
          <CheckResult row={saved} />
        </Card>
      ) : (
        <Form<Values>
          form={form}
          layout="vertical"
          onFinish={submit}
          initialValues={
            record
              ? { kind: record.kind, date: record.date, figures: record.figures }
              : {
                  kind: 'election',
                  date: todayIso(),
                  figures: { round: 'first', candidates: [{ id: '甲' }], ratings: [{}] },
                }
          }
        >
          {record && (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 12 }}
              title={t('records.manage.correctionNote')}
            />
          )}
          <Form.Item name="kind" label={t('records.elections.kind')}>
            <Select
              disabled={record !== undefined}
              data-testid="election-kind"
              options={kinds.map((k) => ({ value: k, label: t(`records.elections.kinds.${k}`) }))}
            />
          </Form.Item>
          <Form.Item
            name="date"
            label={t('records.elections.date')}
            rules={[{ required: true, message: t('records.elections.required') }]}
          >
            <Input type="date" max={todayIso()} data-testid="election-date" />
          </Form.Item>
          {kind === 'election' && (
            <>
              {number('registeredVoters')}
              {number('ballotsCast')}
              {number('seats')}
              <Form.Item name={['figures', 'round']} label={t('records.elections.fields.round')}>
                <Radio.Group
                  options={(['first', 'runoff'] as const).map((r) => ({
                    value: r,
                    label: t(`records.elections.rounds.${r}`),
                  }))}
                />
              </Form.Item>
              <Typography.Text type="secondary">
                {t('records.elections.candidatesHint')}
              </Typography.Text>
              <Form.List name={['figures', 'candidates']}>
                {(items, { add, remove }) => (
                  <Flex vertical gap={4}>
                    {items.map((item) => (
                      <Space key={item.key} align="baseline" wrap>
                        <Form.Item
                          name={[item.name, 'id']}
                          rules={[{ required: true, message: t('records.elections.required') }]}
                        >
                          <Input
                            placeholder={t('records.elections.fields.candidate')}
                            style={{ width: 110 }}
                            data-testid="candidate-id"
                          />
                        </Form.Item>
                        <Form.Item
                          name={[item.name, 'votes']}
                          rules={[{ required: true, message: t('records.elections.required') }]}
                        >
                          <InputNumber
                            min={0}
                            precision={0}
                            placeholder={t('records.elections.fields.votes')}
                            data-testid="candidate-votes"
                          />
                        </Form.Item>
                        <MinusCircleOutlined onClick={() => remove(item.name)} />
                      </Space>
                    ))}
                    <Button
                      type="dashed"
                      icon={<PlusOutlined />}
                      onClick={() => add()}
                      data-testid="candidate-add"
                    >
                      {t('records.elections.addCandidate')}
                    </Button>
                  </Flex>
                )}
              </Form.List>
            </>
          )}
          {kind === 'recall' && (
            <>
              {number('registeredVoters')}
              {number('eligibleVoters', false)}
              {number('initiatingVoters', false)}
              {number('representatives', false)}
              {number('initiatingRepresentatives', false)}
              {number('ballotsCast', false)}
              {number('votesFor', false)}
            </>
          )}
          {kind === 'representatives' && (
            <>
              {number('households')}
              {number('representatives')}
              {number('womenRepresentatives')}
              {number('committeeMembers')}
            </>
          )}
          {kind === 'appraisal' && (
            <>
              <Form.Item
                name={['figures', 'member']}
                label={t('records.elections.fields.member')}
                extra={t('records.elections.memberHint')}
                rules={[{ required: true, message: t('records.elections.required') }]}
              >
                <Input maxLength={20} data-testid="appraisal-member" />
              </Form.Item>
              <Form.List name={['figures', 'ratings']}>
                {(items, { add, remove }) => (
                  <Flex vertical gap={4}>
                    {items.map((item) => (
                      <Space key={item.key} align="baseline" wrap>
                        <Form.Item
                          name={[item.name, 'year']}
                          rules={[{ required: true, message: t('records.elections.required') }]}
                        >
                          <InputNumber
                            min={1988}
                            max={2100}
                            precision={0}
                            placeholder={t('records.elections.fields.year')}
                            data-testid="appraisal-year"
                          />
                        </Form.Item>
                        <Form.Item
                          name={[item.name, 'rating']}
                          rules={[{ required: true, message: t('records.elections.required') }]}
                        >
                          <Select
                            style={{ width: 140 }}
                            placeholder={t('records.elections.fields.rating')}
                            data-testid="appraisal-rating"
                            options={ratings.map((r) => ({
                              value: r,
                              label: t(`records.elections.ratings.${r}`),
                            }))}
                          />
                        </Form.Item>
                        <MinusCircleOutlined onClick={() => remove(item.name)} />
                      </Space>
                    ))}
                    <Button type="dashed" icon={<PlusOutlined />} onClick={() => add()}>
                      {t('records.elections.addRating')}
                    </Button>
                  </Flex>
                )}
              </Form.List>
            </>
          )}
        </Form>
      )}
    </Modal>
  );
}
