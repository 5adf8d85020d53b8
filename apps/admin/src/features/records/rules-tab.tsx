// The village's rules (自治章程, 村规民约, 小组议事规则): each version with the check of its making
// (`checkVillageRules`, with the articles cited), the content screen of its text
// (`screenVillageRules`: warnings for the reviewer, never a verdict), filing, publication and the
// legality review; the clerk records and corrects versions, the township officer records the review
// (approved, or returned with findings).
import { useState } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Flex, Form, Input, Modal, Radio, Space, Tag, Typography } from 'antd';
import { describeCitation, type Citation } from '@fazhi/domain';
import { RecordFilesButton } from './record-files';
import { ResponsiveTable } from '../../components/responsive-table';
import { useLang } from '../../i18n';
import { useFormErrorHandler } from '../../lib/use-form-error-handler';
import { queryClient, trpc } from '../../trpc';
import { QueryError } from '../../components/query-error';
import { todayIso } from './model';
import { RulesForm, type RulesRow } from './rules-form';

function citationsText(citations: readonly Citation[], lang: 'zh' | 'en') {
  return citations.map((c) => describeCitation(c)[lang]).join('；');
}

/** `checkVillageRules`' result: lawful or not, its problems and the articles it cites. */
function RulesCheck({ row }: { row: RulesRow }) {
  const { t, lang } = useLang();
  if (!row.check)
    return <Typography.Text type="secondary">{t('records.rules.noCheck')}</Typography.Text>;
  return (
    <Flex vertical gap={2} data-testid="rules-check">
      <div>
        <Tag color={row.check.ok ? 'success' : 'error'}>
          {row.check.ok ? t('records.rules.checkOk') : t('records.rules.checkFailed')}
        </Tag>
      </div>
      {row.check.problems.map((p, i) => (
        <Typography.Text key={i} type={p.severity === 'error' ? 'danger' : 'warning'}>
          {p.message[lang]}
        </Typography.Text>
      ))}
      {row.check.citations.length > 0 && (
        <Typography.Text type="secondary">
          {`${t('records.meeting.citations')}：${citationsText(row.check.citations as Citation[], lang)}`}
        </Typography.Text>
      )}
    </Flex>
  );
}

/** `screenVillageRules`' findings: each clause, why it looks unlawful and the law it may break. */
function RulesScreen({ row }: { row: RulesRow }) {
  const { t, lang } = useLang();
  const findings = row.screen ?? [];
  if (findings.length === 0) {
    return <Typography.Text type="secondary">{t('records.rules.screenNone')}</Typography.Text>;
  }
  return (
    <Flex vertical gap={6} data-testid="rules-screen">
      {findings.map((f, i) => (
        <Alert
          key={i}
          type="warning"
          showIcon
          data-testid="rules-finding"
          title={`${t('records.rules.clause', { n: f.clause.index + 1 })}：${f.clause.text}`}
          description={
            <Flex vertical gap={2}>
              <span>{f.reason[lang]}</span>
              <Typography.Text type="secondary">
                {`${t('records.rules.law')}：${citationsText(f.citations, lang)}`}
              </Typography.Text>
            </Flex>
          }
        />
      ))}
    </Flex>
  );
}

export function RulesTab({
  villageCode,
  canReview,
  canWrite,
}: {
  villageCode: string;
  canReview: boolean;
  canWrite: boolean;
}) {
  const { t } = useLang();
  const [reviewing, setReviewing] = useState<RulesRow | null>(null);
  const [editing, setEditing] = useState<RulesRow | 'new' | null>(null);
  const list = useQuery(trpc.villageRules.list.queryOptions({ villageCode }));
  if (list.error) return <QueryError error={list.error} onRetry={() => void list.refetch()} />;
  return (
    <Flex vertical gap={8}>
      {canWrite && (
        <div>
          <Button type="primary" onClick={() => setEditing('new')} data-testid="rules-add">
            {t('records.rules.add')}
          </Button>
        </div>
      )}
      <Alert type="info" showIcon title={t('records.rules.screenNote')} />
      <ResponsiveTable<RulesRow>
        rowKey="id"
        loading={list.isLoading}
        dataSource={list.data ?? []}
        pagination={false}
        data-testid="rules-table"
        columns={[
          {
            title: t('records.rules.kind'),
            dataIndex: 'kind',
            cardTitle: true,
            render: (k: RulesRow['kind'], r) => (
              <Space direction="vertical" size={0}>
                <Typography.Text strong>{t(`records.rules.kinds.${k}`)}</Typography.Text>
                <span>{r.label}</span>
              </Space>
            ),
          },
          {
            title: t('records.rules.adoptedOn'),
            dataIndex: 'adoptedOn',
            render: (d: string, r) => (
              <Space direction="vertical" size={0}>
                {d}
                {!r.meetingId && (
                  <Typography.Text type="secondary">{t('records.rules.noMeeting')}</Typography.Text>
                )}
              </Space>
            ),
          },
          {
            title: t('records.rules.filedOn'),
            render: (_: unknown, r) => (
              <Space direction="vertical" size={0}>
                {r.filedOn ?? '—'}
                {r.receivedOn && `${t('records.rules.receivedOn')}：${r.receivedOn}`}
                {r.reviewer && `${t('records.rules.reviewer')}：${r.reviewer}`}
              </Space>
            ),
          },
          {
            title: t('records.rules.publishedOn'),
            dataIndex: 'publishedOn',
            render: (d: string | null) => d ?? '—',
          },
          {
            title: t('records.rules.review'),
            render: (_: unknown, r) => (
              <Space direction="vertical" size={0} data-testid="rules-review-state">
                <Tag
                  color={
                    r.reviewState === 'approved'
                      ? 'success'
                      : r.reviewState === 'returned'
                        ? 'error'
                        : 'default'
                  }
                >
                  {t(`records.rules.states.${r.reviewState}`)}
                </Tag>
                {r.reviewedOn && <Typography.Text type="secondary">{r.reviewedOn}</Typography.Text>}
                {r.reviewFindings && <Typography.Text>{r.reviewFindings}</Typography.Text>}
              </Space>
            ),
          },
          {
            title: t('records.rules.check'),
            render: (_: unknown, r) => <RulesCheck row={r} />,
          },
          {
            title: t('records.rules.screen'),
            width: 320,
            render: (_: unknown, r) => <RulesScreen row={r} />,
          },
          {
            title: t('records.files.button'),
            width: 90,
            render: (_: unknown, r: RulesRow) => (
              <Space direction="vertical" size={4}>
                <RecordFilesButton kind="rules" recordId={r.id} canWrite={canWrite} />
                {r.correctedAfterSubmission && <Tag color="orange">{t('records.corrected')}</Tag>}
              </Space>
            ),
          },
          ...(canWrite || canReview
            ? [
                {
                  title: '',
                  render: (_: unknown, r: RulesRow) => (
                    <Space wrap size={4}>
                      {canWrite && (
                        <Button
                          size="small"
                          onClick={() => setEditing(r)}
                          data-testid={`rules-edit-${r.id}`}
                        >
                          {t('records.rules.edit')}
                        </Button>
                      )}
                      {canReview && r.filedOn && (
                        <Button
                          size="small"
                          onClick={() => setReviewing(r)}
                          data-testid={`rules-review-${r.id}`}
                        >
                          {t('records.rules.doReview')}
                        </Button>
                      )}
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      {reviewing && <ReviewDialog rules={reviewing} onClose={() => setReviewing(null)} />}
      {editing && (
        <RulesForm
          villageCode={villageCode}
          {...(editing === 'new' ? {} : { rules: editing })}
          onClose={() => setEditing(null)}
        />
      )}
    </Flex>
  );
}

interface ReviewValues {
  receivedOn: string;
  reviewedOn: string;
  state: 'approved' | 'returned';
  findings?: string;
}

function ReviewDialog({ rules, onClose }: { rules: RulesRow; onClose: () => void }) {
  const { t } = useLang();
  const { message } = App.useApp();
  const [form] = Form.useForm<ReviewValues>();
  const onError = useFormErrorHandler(form, ['receivedOn', 'reviewedOn', 'state', 'findings']);
  const review = useMutation(
    trpc.villageRules.review.mutationOptions({
      onSuccess: async () => {
        void message.success(t('records.rules.reviewed'));
        await queryClient.invalidateQueries(trpc.villageRules.pathFilter());
        await queryClient.invalidateQueries(trpc.records.pathFilter());
        onClose();
      },
      onError,
    }),
  );
  return (
    <Modal
      open
      title={`${t('records.rules.doReview')}：${rules.label}`}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('app.save')}
      confirmLoading={review.isPending}
      okButtonProps={{ 'data-testid': 'rules-review-save' } as never}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          receivedOn: rules.receivedOn ?? rules.filedOn ?? todayIso(),
          reviewedOn: todayIso(),
          state: 'approved',
        }}
        onFinish={(v) =>
          review.mutate({
            id: rules.id,
            version: rules.version,
            ...v,
            ...(v.findings ? { findings: v.findings } : {}),
          })
        }
      >
        <Form.Item
          name="receivedOn"
          label={t('records.rules.receivedOn')}
          rules={[{ required: true }]}
        >
          <Input type="date" />
        </Form.Item>
        <Form.Item
          name="reviewedOn"
          label={t('records.rules.reviewedOn')}
          rules={[{ required: true }]}
        >
          <Input type="date" />
        </Form.Item>
        <Form.Item name="state" label={t('records.rules.review')}>
          <Radio.Group
            options={(['approved', 'returned'] as const).map((s) => ({
              value: s,
              label: t(`records.rules.states.${s}`),
            }))}
          />
        </Form.Item>
        <Form.Item
          name="findings"
          label={t('records.rules.findings')}
          dependencies={['state']}
          rules={[
            ({ getFieldValue }) => ({
              required: getFieldValue('state') === 'returned',
              whitespace: true,
              message: t('records.rules.findingsRequired'),
            }),
          ]}
        >
          <Input.TextArea rows={3} maxLength={5000} data-testid="rules-findings" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
