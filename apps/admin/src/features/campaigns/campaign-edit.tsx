// 修改活动 / 删除活动: while no village has declared, the county changes a campaign's name and
// settings (`campaigns.update`) or deletes it (`campaigns.remove`), confirmed first; the server's
// refusals (有村申报后不能再改…) are shown in the user's language.
import { useEffect, useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { Alert, App, Button, Col, Form, Input, InputNumber, Modal, Row, Space } from 'antd';
import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { campaignNameLength } from '@fazhi/domain';
import { useLang } from '../../i18n';
import { useFormErrorHandler } from '../../lib/use-form-error-handler';
import { useErrorText } from '../../components/use-error-text';
import { queryClient, trpc } from '../../trpc';
import type { Campaign } from './model';
import { CampaignRuleFields } from './campaign-rule-fields';
import {
  RecordPeriodField,
  recordPeriodInput,
  recordPeriodValue,
  type RecordPeriodValue,
} from './record-period-field';

interface Values {
  name: string;
  year: number;
  noticeDays: number;
  minSelfScore?: number | null;
  minAcceptedScore?: number | null;
  requireLowerTitle: boolean;
  townshipScoreRequired: boolean;
  recordPeriod?: RecordPeriodValue;
}

const formFields = [
  'name',
  'year',
  'noticeDays',
  'minSelfScore',
  'minAcceptedScore',
  'requireLowerTitle',
  'townshipScoreRequired',
  'recordPeriod',
];

/** The 修改 and 删除 buttons of a campaign no village has declared for. */
export function CampaignEditActions({ campaign }: { campaign: Campaign }) {
  const { t } = useLang();
  const { message, modal } = App.useApp();
  const errorText = useErrorText();
  const navigate = useNavigate();
  const [editing, setEditing] = useState(false);
  const remove = useMutation(trpc.campaigns.remove.mutationOptions());

  const confirmRemove = () =>
    void modal.confirm({
      title: t('campaigns.remove'),
      content: t('campaigns.removeConfirm', { name: campaign.name }),
      okText: t('campaigns.remove'),
      okButtonProps: { danger: true },
      cancelText: t('app.cancel'),
      onOk: () =>
        remove
          .mutateAsync({ id: campaign.id })
          .then(() => {
            void message.success(t('campaigns.removed'));
            // leave the page first: its own query would ask again for the campaign now gone
            void navigate('/campaigns');
            void queryClient.invalidateQueries(trpc.campaigns.list.pathFilter());
          })
          .catch((error: unknown) => {
            void message.error(errorText(error));
          }),
    });

  return (
    <Alert
      type="info"
      showIcon
      style={{ marginTop: 16 }}
      title={t('campaigns.editableUntilDeclared')}
      data-testid="campaign-editable"
      action={
        <Space wrap>
          <Button
            size="small"
            icon={<EditOutlined />}
            onClick={() => setEditing(true)}
            data-testid="campaign-edit"
          >
            {t('campaigns.edit')}
          </Button>
          <Button
            size="small"
            danger
            icon={<DeleteOutlined />}
            loading={remove.isPending}
            onClick={confirmRemove}
            data-testid="campaign-remove"
          >
            {t('campaigns.remove')}
          </Button>
          <CampaignEditDialog
            campaign={campaign}
            open={editing}
            onClose={() => setEditing(false)}
          />
        </Space>
      }
    />
  );
}

function CampaignEditDialog({
  campaign,
  open,
  onClose,
}: {
  campaign: Campaign;
  open: boolean;
  onClose(): void;
}) {
  const { t } = useLang();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const update = useMutation(trpc.campaigns.update.mutationOptions());
  const onError = useFormErrorHandler(form, formFields);

  useEffect(() => {
    if (open) form.resetFields();
  }, [open, form]);

  const submit = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values || update.isPending) return;
    update.mutate(
      {
        id: campaign.id,
        name: values.name.trim(),
        year: values.year,
        noticeDays: values.noticeDays,
        minSelfScore: values.minSelfScore ?? null,
        minAcceptedScore: values.minAcceptedScore ?? null,
        requireLowerTitle: values.requireLowerTitle,
        townshipScoreRequired: values.townshipScoreRequired,
        recordPeriod: recordPeriodInput(values.recordPeriod),
      },
      {
        onSuccess: () => {
          void queryClient.invalidateQueries(trpc.campaigns.pathFilter());
          void message.success(t('campaigns.edited'));
          onClose();
        },
        onError,
      },
    );
  };

  const required = { required: true, message: t('campaigns.required') };

  return (
    <Modal
      open={open}
      title={t('campaigns.edit')}
      okText={t('app.save')}
      cancelText={t('app.cancel')}
      onOk={() => void submit()}
      onCancel={onClose}
      confirmLoading={update.isPending}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        name="campaign-edit"
        initialValues={{
          name: campaign.name,
          year: campaign.year,
          noticeDays: campaign.noticeDays,
          minSelfScore: campaign.minSelfScore,
          minAcceptedScore: campaign.minAcceptedScore,
          requireLowerTitle: campaign.requireLowerTitle,
          townshipScoreRequired: campaign.townshipScoreRequired,
          recordPeriod: recordPeriodValue(campaign.recordPeriod),
        }}
      >
        <Form.Item
          name="name"
          label={t('campaigns.name')}
          rules={[{ ...required, whitespace: true }]}
        >
          <Input autoComplete="off" maxLength={campaignNameLength.max} />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={12}>
            <Form.Item name="year" label={t('campaigns.year')} rules={[required]}>
              <InputNumber min={2000} max={2100} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12}>
            <Form.Item name="noticeDays" label={t('campaigns.noticeDays')} rules={[required]}>
              <InputNumber min={1} max={60} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <CampaignRuleFields />
        <RecordPeriodField />
      </Form>
    </Modal>
  );
}
