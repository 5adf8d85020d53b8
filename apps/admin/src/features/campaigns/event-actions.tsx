// The transition buttons of a participation (from `allowedEvents`), each confirmed in a dialog
// that asks for what the event needs (a reason, the objector, the resolution). 退出创建
// (withdraw) stands apart, in its own danger zone, with its consequence spelled out.
import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Flex,
  Form,
  Input,
  Modal,
  Radio,
  Space,
  Tooltip,
  Typography,
} from 'antd';
import type { ParticipationEventType } from '@fazhi/domain';
import { useLang } from '../../i18n';
import { applyFieldErrors } from '../../lib/errors';
import { useSingleFlight } from '../../lib/use-single-flight';
import { trpc } from '../../trpc';
import type { RouterInputs } from '../../types';

type EventInput = RouterInputs['participations']['transition']['event'];

const dangerous: readonly ParticipationEventType[] = ['return', 'fail', 'withdraw'];
const withReason: readonly ParticipationEventType[] = ['return', 'fail', 'withdraw'];

/** The dialog's fields: named as in the event, so the API's field errors land on them. */
interface Values {
  reason?: string;
  objector?: { name?: string; contact?: string; content?: string };
  upheld?: boolean;
  awarded?: boolean;
  awardingBody?: string;
  documentNumber?: string;
  decidedOn?: string;
}

/** The fields of the dialog that can take an error of `event.…`. */
const eventFields = [
  'reason',
  'objector',
  'upheld',
  'awarded',
  'awardingBody',
  'documentNumber',
  'decidedOn',
];

interface Props {
  participationId: string;
  version: number;
  events: readonly ParticipationEventType[];
  /** Unsaved edits: the events wait until the sheet is saved. */
  dirty: boolean;
  onDone(version: number): void;
  onError(error: unknown): void;
}

export function EventActions({ participationId, version, events, dirty, onDone, onError }: Props) {
  const { t } = useLang();
  const [event, setEvent] = useState<ParticipationEventType | null>(null);
  if (events.length === 0) return null;
  return (
    <>
      <Space wrap data-testid="event-actions">
        {events.map((e) => (
          <Tooltip key={e} title={dirty ? t('sheet.saveFirst') : undefined}>
            <Button
              danger={dangerous.includes(e)}
              type={dangerous.includes(e) ? 'default' : 'primary'}
              disabled={dirty}
              onClick={() => setEvent(e)}
              data-testid={`event-${e}`}
            >
              {t(`sheet.events.${e}`)}
            </Button>
          </Tooltip>
        ))}
      </Space>
      <EventDialog
        event={event}
        participationId={participationId}
        version={version}
        onClose={() => setEvent(null)}
        onDone={onDone}
        onError={onError}
      />
    </>
  );
}

function EventDialog({
  event,
  participationId,
  version,
  onClose,
  onDone,
  onError,
}: {
  event: ParticipationEventType | null;
  participationId: string;
  version: number;
  onClose(): void;
  onDone(version: number): void;
  onError(error: unknown): void;
}) {
  const { t, lang } = useLang();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const transition = useMutation(trpc.participations.transition.mutationOptions());
  const once = useSingleFlight();
  const fallbacks = { network: t('errors.network'), unknown: t('errors.unknown') };

  const build = (e: ParticipationEventType, v: Values): EventInput => {
    switch (e) {
      case 'return':
      case 'fail':
      case 'withdraw':
        return { type: e, reason: v.reason ?? '' };
      case 'object':
        return {
          type: 'object',
          objector: {
            name: v.objector?.name ?? '',
            contact: v.objector?.contact ?? '',
            content: v.objector?.content ?? '',
          },
        };
      case 'resolve_objection':
        return { type: 'resolve_objection', upheld: v.upheld === true, reason: v.reason ?? '' };
      case 'record_decision':
        return {
          type: 'record_decision',
          awarded: v.awarded === true,
          ...(v.awarded
            ? {
                awardingBody: v.awardingBody ?? '',
                documentNumber: v.documentNumber ?? '',
                decidedOn: v.decidedOn ?? '',
              }
            : {}),
        };
      case 'recommend':
      case 'submit_self_assessment':
      case 'approve':
      case 'accept':
      case 'post':
      case 'name':
        return { type: e };
    }
  };

  // one request per confirmation, however often OK is clicked
  const submit = () =>
    once.run(async () => {
      if (!event) return;
      const values = await form.validateFields().catch(() => null);
      if (!values) return;
      try {
        const result = await transition.mutateAsync({
          id: participationId,
          version,
          event: build(event, values),
        });
        void message.success(t('sheet.eventDone', { event: t(`sheet.events.${event}`) }));
        form.resetFields();
        onClose();
        onDone(result.version);
      } catch (error) {
        // the API names them by the input (`event.reason`, `event.objector.name`…)
        const rest = applyFieldErrors(form, error, lang, fallbacks, eventFields, {
          under: 'event',
        });
        if (rest) {
          onClose();
          onError(error);
        }
      }
    });

  /** Each field says what is missing in its own words (请填写异议人姓名…), not one shared text. */
  const required = (
    key:
      | 'reasonRequired'
      | 'objectorNameRequired'
      | 'objectorContactRequired'
      | 'objectorContentRequired'
      | 'resolutionRequired',
  ) => ({ required: true, whitespace: true, message: t(`sheet.${key}`) });
  const label = event ? t(`sheet.events.${event}`) : '';

  return (
    <Modal
      open={event !== null}
      title={label}
      okText={label}
      okButtonProps={{ danger: event ? dangerous.includes(event) : false }}
      cancelText={t('app.cancel')}
      onOk={() => void submit()}
      onCancel={onClose}
      confirmLoading={once.pending}
      destroyOnHidden
    >
      {event === 'withdraw' ? (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('sheet.withdrawConsequence')}
          data-testid="withdraw-consequence"
        />
      ) : null}
      <Form<Values> form={form} layout="vertical" name="event-form" preserve={false}>
        {event && withReason.includes(event) ? (
          <Form.Item name="reason" label={t('sheet.reason')} rules={[required('reasonRequired')]}>
            <Input.TextArea autoSize={{ minRows: 3 }} maxLength={1000} />
          </Form.Item>
        ) : null}
        {event === 'object' ? (
          <>
            <Form.Item
              name={['objector', 'name']}
              label={t('sheet.objectorName')}
              rules={[required('objectorNameRequired')]}
            >
              <Input maxLength={50} />
            </Form.Item>
            <Form.Item
              name={['objector', 'contact']}
              label={t('sheet.objectorContact')}
              rules={[required('objectorContactRequired')]}
            >
              <Input maxLength={100} />
            </Form.Item>
            <Form.Item
              name={['objector', 'content']}
              label={t('sheet.objectorContent')}
              rules={[required('objectorContentRequired')]}
            >
              <Input.TextArea autoSize={{ minRows: 3 }} maxLength={2000} />
            </Form.Item>
          </>
        ) : null}
        {event === 'resolve_objection' ? (
          <>
            <Form.Item
              name="upheld"
              label={t('sheet.upheld')}
              rules={[{ required: true, message: t('campaigns.required') }]}
            >
              <Radio.Group
                options={[
                  { value: true, label: t('sheet.upheldYes') },
                  { value: false, label: t('sheet.upheldNo') },
                ]}
              />
            </Form.Item>
            <Form.Item
              name="reason"
              label={t('sheet.resolution')}
              rules={[required('resolutionRequired')]}
            >
              <Input.TextArea autoSize={{ minRows: 3 }} maxLength={1000} />
            </Form.Item>
          </>
        ) : null}
        {event === 'record_decision' ? (
          <>
            <Form.Item
              name="awarded"
              label={t('sheet.decisionAwarded')}
              rules={[{ required: true, message: t('campaigns.required') }]}
            >
              <Radio.Group
                options={[
                  { value: true, label: t('sheet.awardedYes') },
                  { value: false, label: t('sheet.awardedNo') },
                ]}
              />
            </Form.Item>
            <Form.Item name="awardingBody" label={t('sheet.awardingBody')}>
              <Input maxLength={200} />
            </Form.Item>
            <Form.Item name="documentNumber" label={t('sheet.documentNumber')}>
              <Input maxLength={100} />
            </Form.Item>
            <Form.Item name="decidedOn" label={t('sheet.decidedOn')}>
              <Input type="date" />
            </Form.Item>
          </>
        ) : null}
        {event &&
        !withReason.includes(event) &&
        event !== 'object' &&
        event !== 'resolve_objection' &&
        event !== 'record_decision' ? (
          <Typography.Paragraph>{t('sheet.eventConfirm', { event: label })}</Typography.Paragraph>
        ) : null}
      </Form>
    </Modal>
  );
}

/**
 * 退出创建: the village leaves the campaign. Kept apart from the sheet's next steps, in a danger
 * zone, and confirmed with what it means.
 */
export function WithdrawZone({
  participationId,
  version,
  villageName,
  dirty,
  onDone,
  onError,
}: {
  participationId: string;
  version: number;
  villageName: string;
  dirty: boolean;
  onDone(version: number): void;
  onError(error: unknown): void;
}) {
  const { t } = useLang();
  const [open, setOpen] = useState(false);
  return (
    <Card
      variant="borderless"
      size="small"
      title={<Typography.Text type="danger">{t('sheet.dangerZone')}</Typography.Text>}
      style={{ marginBottom: 16, border: '1px solid #ffccc7' }}
      data-testid="danger-zone"
    >
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Text type="secondary">
          {t('sheet.withdrawHint', { village: villageName })}
        </Typography.Text>
        <Tooltip title={dirty ? t('sheet.saveFirst') : undefined}>
          <Button
            danger
            disabled={dirty}
            onClick={() => setOpen(true)}
            data-testid="event-withdraw"
          >
            {t('sheet.events.withdraw')}
          </Button>
        </Tooltip>
      </Flex>
      <EventDialog
        event={open ? 'withdraw' : null}
        participationId={participationId}
        version={version}
        onClose={() => setOpen(false)}
        onDone={onDone}
        onError={onError}
      />
    </Card>
  );
}
