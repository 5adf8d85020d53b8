// 批量复核: the county filters active titles by level and year named, optionally draws a random
// sample (n titles or p%) with a seed it can see and reuse, previews the batch, then opens a
// re-check record for each title in one audited transaction.
import { useEffect, useState } from 'react';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Form,
  InputNumber,
  Modal,
  Radio,
  Select,
  Space,
  Table,
  Typography,
} from 'antd';
import { useLang } from '../../i18n';
import { useFormErrorHandler } from '../../lib/use-form-error-handler';
import { queryClient, trpc } from '../../trpc';
import { QueryError } from '../../components/query-error';
import { campaignLevels, type CampaignLevel } from '../campaigns/model';

interface Values {
  level?: CampaignLevel;
  year?: number;
  sampleKind: 'all' | 'count' | 'percent';
  amount?: number;
  seed?: number;
}

export function RecheckBatchDialog({ open, onClose }: { open: boolean; onClose(): void }) {
  const { t } = useLang();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [filter, setFilter] = useState<Values | null>(null);
  const [page, setPage] = useState(1);
  const sampleKind = Form.useWatch('sampleKind', form);
  const input = filter
    ? {
        ...(filter.level ? { level: filter.level } : {}),
        ...(filter.year ? { year: filter.year } : {}),
        ...(filter.sampleKind !== 'all' && filter.amount
          ? {
              sample:
                filter.sampleKind === 'count'
                  ? { count: filter.amount }
                  : { percent: filter.amount },
              ...(filter.seed ? { seed: filter.seed } : {}),
            }
          : {}),
      }
    : null;
  const preview = useQuery({
    ...trpc.titles.previewRecheckBatch.queryOptions({ ...(input ?? {}), page, pageSize: 10 }),
    enabled: input !== null,
    placeholderData: keepPreviousData,
  });
  const openBatch = useMutation(trpc.titles.openRecheckBatch.mutationOptions());
  const onError = useFormErrorHandler(form, ['level', 'year', 'seed']);

  const runPreview = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    setPage(1);
    setFilter(values);
  };
  // the seed the server drew is shown in the form, so the preview can be repeated and opened
  const seed = preview.data?.seed ?? null;
  useEffect(() => {
    if (seed !== null) form.setFieldValue('seed', seed);
  }, [seed, form]);

  const submit = () => {
    if (!input || !preview.data) return;
    openBatch.mutate(
      {
        ...input,
        ...(seed !== null ? { seed } : {}),
        expectedTotal: preview.data.total,
      },
      {
        onSuccess: (r) => {
          void message.success(t('titleLife.batch.opened', { count: r.opened }));
          void queryClient.invalidateQueries(trpc.titles.pathFilter());
          setFilter(null);
          form.resetFields();
          onClose();
        },
        onError,
      },
    );
  };

  return (
    <Modal
      open={open}
      width={760}
      title={t('titleLife.batch.title')}
      okText={t('titleLife.batch.open')}
      cancelText={t('app.cancel')}
      okButtonProps={{ disabled: !preview.data || preview.data.total === 0 }}
      onOk={submit}
      onCancel={onClose}
      confirmLoading={openBatch.isPending}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('titleLife.batch.intro')}</Typography.Paragraph>
      <Form<Values>
        form={form}
        layout="inline"
        name="recheck-batch"
        initialValues={{ sampleKind: 'all' }}
        onValuesChange={() => setFilter(null)}
        style={{ rowGap: 8 }}
      >
        <Form.Item name="level" label={t('titles.level')}>
          <Select<CampaignLevel>
            allowClear
            style={{ width: 120 }}
            options={campaignLevels.map((l) => ({ value: l, label: t(`campaigns.levels.${l}`) }))}
          />
        </Form.Item>
        <Form.Item name="year" label={t('titles.year')}>
          <InputNumber min={2000} max={2100} precision={0} style={{ width: 100 }} />
        </Form.Item>
        <Form.Item name="sampleKind" label={t('titleLife.batch.sampleKind')}>
          <Radio.Group
            optionType="button"
            options={[
              { value: 'all', label: t('titleLife.batch.all') },
              { value: 'count', label: t('titleLife.batch.count') },
              { value: 'percent', label: t('titleLife.batch.percent') },
            ]}
          />
        </Form.Item>
        {sampleKind && sampleKind !== 'all' ? (
          <>
            <Form.Item name="amount" rules={[{ required: true, message: t('titleLife.required') }]}>
              <InputNumber
                min={1}
                max={sampleKind === 'percent' ? 100 : 10000}
                precision={0}
                suffix={sampleKind === 'percent' ? '%' : undefined}
                style={{ width: 120 }}
                aria-label={t(`titleLife.batch.${sampleKind}`)}
              />
            </Form.Item>
            <Form.Item
              name="seed"
              label={t('titleLife.batch.seed')}
              tooltip={t('titleLife.batch.seedHelp')}
            >
              <InputNumber min={1} max={2147483647} precision={0} style={{ width: 140 }} />
            </Form.Item>
          </>
        ) : null}
        <Form.Item>
          <Button onClick={() => void runPreview()} data-testid="batch-preview">
            {t('titleLife.batch.preview')}
          </Button>
        </Form.Item>
      </Form>
      {preview.isError ? (
        <QueryError error={preview.error} />
      ) : preview.data && input ? (
        <Space orientation="vertical" style={{ width: '100%', marginTop: 16 }}>
          <Alert
            type="info"
            showIcon
            data-testid="batch-total"
            title={t('titleLife.batch.total', {
              total: preview.data.total,
              candidates: preview.data.candidates,
            })}
          />
          <Table
            rowKey="id"
            size="small"
            dataSource={preview.data.items}
            pagination={{
              current: page,
              pageSize: 10,
              total: preview.data.total,
              onChange: setPage,
              size: 'small',
            }}
            columns={[
              {
                key: 'village',
                title: t('titles.village'),
                render: (_, r) => `${r.villageName}（${r.villageCode}）`,
              },
              {
                key: 'level',
                title: t('titles.level'),
                render: (_, r) => t(`campaigns.levels.${r.level}`),
              },
              { key: 'year', title: t('titles.year'), dataIndex: 'year' },
              { key: 'namedOn', title: t('titles.namedOn'), dataIndex: 'namedOn' },
            ]}
          />
        </Space>
      ) : null}
    </Modal>
  );
}
