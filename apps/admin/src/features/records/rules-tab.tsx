// The village's rules (自治章程, 村规民约, 小组议事规则): each version with its check, filing and
// legality review; the township officer records the review (approved, or returned with findings).
import { useState } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { App, Button, Form, Input, Modal, Radio, Space, Tag, Typography } from 'antd';
import { RecordFilesButton } from './record-files';
import { ResponsiveTable } from '../../components/responsive-table';
import { useLang } from '../../i18n';
import { useFormErrorHandler } from '../../lib/use-form-error-handler';
import { queryClient, trpc } from '../../trpc';
import { QueryError } from '../../components/query-error';
import type { RouterOutputs } from '../../types';
import { todayIso } from './model';

type RulesRow = RouterOutputs['villageRules']['list'][number];

export function RulesTab({
  villageCode,
  canReview,
  canWrite,
}: {
  villageCode: string;
  canReview: boolean;
  canWrite: boolean;
}) {
  const { t, lang } = useLang();
  const [reviewing, setReviewing] = useState<RulesRow | null>(null);
  const list = useQuery(trpc.villageRules.list.queryOptions({ villageCode }));
  if (list.error) return <QueryError error={list.error} onRetry={() => void list.refetch()} />;
  return (
    <>
      <ResponsiveTable<RulesRow>
        rowKey="id"
        loading={list.isLoading}
        dataSource={list.data ?? []}
        pagination={false}
        columns={[
          {
            title: t('records.rules.kind'),
            dataIndex: 'kind',
            render: (k: RulesRow['kind']) => t(`records.rules.kinds.${k}`),
          },
          { title: t('records.rules.label'), dataIndex: 'label' },
          { title: t('records.rules.adoptedOn'), dataIndex: 'adoptedOn' },
          { title: t('records.rules.filedOn'), dataIndex: 'filedOn' },
          {
            title: t('records.rules.review'),
            render: (_: unknown, r) => (
              <>
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
                {r.reviewFindings && <Typography.Text>{r.reviewFindings}</Typography.Text>}
              </>
            ),
          },
          {
            title: t('records.meeting.problems'),
            render: (_: unknown, r) =>
              r.check?.problems.map((p, i) => (
                <div key={i}>
                  <Typography.Text type={p.severity === 'error' ? 'danger' : 'warning'}>
                    {p.message[lang]}
                  </Typography.Text>
                </div>
              )),
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
          ...(canReview
            ? [
                {
                  title: '',
                  render: (_: unknown, r: RulesRow) =>
                    r.filedOn ? (
                      <Button size="small" onClick={() => setReviewing(r)}>
                        {t('records.rules.doReview')}
                      </Button>
                    ) : null,
                },
              ]
            : []),
        ]}
      />
      {reviewing && <ReviewDialog rules={reviewing} onClose={() => setReviewing(null)} />}
    </>
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
        <Form.Item name="findings" label={t('records.rules.findings')}>
          <Input.TextArea rows={3} maxLength={5000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
