// The meeting form: kind, group, date, eligible (filled from the register), attendees and the
// resolutions, saved with `meetings.save`; the server checks each resolution by the law then.
import { useEffect } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, InputNumber, Modal, Select, Space } from 'antd';
import { useLang } from '../../i18n';
import { useFormErrorHandler } from '../../lib/use-form-error-handler';
import { queryClient, trpc } from '../../trpc';
import {
  meetingBodies,
  resolutionMatters,
  todayIso,
  type MeetingInput,
  type MeetingRow,
} from './model';

interface Values {
  body: MeetingInput['body'];
  groupId?: string;
  date: string;
  convenor?: string;
  eligible: number;
  attendees: number;
  resolutions: MeetingInput['resolutions'];
}

const fields = ['body', 'groupId', 'date', 'convenor', 'eligible', 'attendees', 'resolutions'];

/** The form's values of a saved meeting (to correct it). */
function savedValues(meeting: MeetingRow): Values {
  return {
    body: meeting.body,
    ...(meeting.groupId ? { groupId: meeting.groupId } : {}),
    date: meeting.date,
    ...(meeting.convenor ? { convenor: meeting.convenor } : {}),
    eligible: meeting.eligible,
    attendees: meeting.attendees,
    resolutions: meeting.resolutions.map((r) => ({
      title: r.title,
      matter: (r.matter ?? 'general') as NonNullable<MeetingInput['resolutions'][number]['matter']>,
      votesFor: r.votesFor,
      votesAgainst: r.votesAgainst,
      abstentions: r.abstentions,
      ...(r.representatives !== null ? { representatives: r.representatives } : {}),
      ...(r.representativesVotesFor !== null
        ? { representativesVotesFor: r.representativesVotesFor }
        : {}),
    })),
  };
}

/** Records a meeting, or corrects `meeting` (sent with its id and the version read). */
export function MeetingForm({
  villageCode,
  meeting,
  onClose,
}: {
  villageCode: string;
  meeting?: MeetingRow | undefined;
  onClose: () => void;
}) {
  const { t } = useLang();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const body = Form.useWatch('body', form);
  const groupId = Form.useWatch('groupId', form);
  const groups = useQuery(trpc.groups.list.queryOptions({ villageCode }));
  const onError = useFormErrorHandler(form, fields);
  // the register's figure for the body: the group's voters, or the village's totals
  const register =
    body === 'group_meeting'
      ? groups.data?.items.find((g) => g.id === groupId)?.voters
      : body === 'villagers_meeting'
        ? groups.data?.totals.voters || undefined
        : body === 'representatives_meeting'
          ? groups.data?.totals.representatives || undefined
          : undefined;
  useEffect(() => {
    // a saved meeting keeps its own figure until its kind or group is changed
    if (meeting && body === meeting.body && (groupId ?? null) === meeting.groupId) return;
    if (register !== undefined) form.setFieldValue('eligible', register);
  }, [register, form, meeting, body, groupId]);
  const save = useMutation(
    trpc.meetings.save.mutationOptions({
      onSuccess: async (saved) => {
        void message.success(t('records.meeting.saved'));
        for (const w of saved.warnings) void message.warning(w.message.zh);
        await queryClient.invalidateQueries(trpc.meetings.pathFilter());
        await queryClient.invalidateQueries(trpc.records.pathFilter());
        onClose();
      },
      onError,
    }),
  );
  return (
    <Modal
      open
      title={meeting ? t('records.meeting.edit') : t('records.meeting.add')}
      width={760}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('app.save')}
      confirmLoading={save.isPending}
      okButtonProps={{ 'data-testid': 'meeting-save' } as never}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={
          meeting
            ? savedValues(meeting)
            : {
                body: 'villagers_meeting',
                date: todayIso(),
                resolutions: [
                  { title: '', matter: 'general', votesFor: 0, votesAgainst: 0, abstentions: 0 },
                ],
              }
        }
        onFinish={(v) =>
          save.mutate({
            // a correction: the version read, and the minutes the form does not show
            ...(meeting
              ? { id: meeting.id, version: meeting.version, minutes: meeting.minutes }
              : {}),
            villageCode,
            body: v.body,
            ...(v.groupId ? { groupId: v.groupId } : {}),
            date: v.date,
            ...(v.convenor ? { convenor: v.convenor } : {}),
            eligible: v.eligible,
            attendees: v.attendees,
            // a cleared optional figure is null in the form: leave it out
            resolutions: v.resolutions.map(
              (r) =>
                Object.fromEntries(
                  Object.entries(r).filter(([, value]) => value !== null && value !== undefined),
                ) as (typeof v.resolutions)[number],
            ),
          })
        }
      >
        {meeting && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            title={t('records.manage.correctionNote')}
          />
        )}
        <Space wrap>
          <Form.Item name="body" label={t('records.meeting.body')} rules={[{ required: true }]}>
            <Select
              style={{ width: 220 }}
              data-testid="meeting-body"
              options={meetingBodies.map((b) => ({
                value: b,
                label: t(`records.meeting.bodies.${b}`),
              }))}
            />
          </Form.Item>
          {body === 'group_meeting' && (
            <Form.Item
              name="groupId"
              label={t('records.meeting.group')}
              rules={[{ required: true }]}
            >
              <Select
                style={{ width: 160 }}
                options={(groups.data?.items ?? []).map((g) => ({ value: g.id, label: g.name }))}
              />
            </Form.Item>
          )}
          <Form.Item name="date" label={t('records.meeting.date')} rules={[{ required: true }]}>
            <Input type="date" data-testid="meeting-date" max={todayIso()} />
          </Form.Item>
          <Form.Item name="convenor" label={t('records.meeting.convenor')}>
            <Input style={{ width: 140 }} maxLength={100} />
          </Form.Item>
        </Space>
        <Space wrap>
          <Form.Item
            name="eligible"
            label={t('records.meeting.eligible')}
            rules={[{ required: true }]}
            extra={
              register !== undefined
                ? t('records.meeting.eligibleFromRegister', { count: register })
                : undefined
            }
          >
            <InputNumber min={1} precision={0} data-testid="meeting-eligible" />
          </Form.Item>
          <Form.Item
            name="attendees"
            label={t('records.meeting.attendees')}
            rules={[{ required: true }]}
          >
            <InputNumber min={0} precision={0} data-testid="meeting-attendees" />
          </Form.Item>
        </Space>
        <Form.List name="resolutions">
          {(items, { add, remove }) => (
            <>
              {items.map((item, index) => (
                <Card
                  key={item.key}
                  size="small"
                  style={{ marginBottom: 8 }}
                  title={`${t('records.meeting.resolutions')} ${index + 1}`}
                  extra={
                    items.length > 1 ? (
                      <Button size="small" type="link" onClick={() => remove(item.name)}>
                        ×
                      </Button>
                    ) : undefined
                  }
                >
                  <Space wrap>
                    <Form.Item
                      name={[item.name, 'title']}
                      label={t('records.meeting.resolutionTitle')}
                      rules={[{ required: true }]}
                    >
                      <Input style={{ width: 220 }} data-testid={`resolution-title-${index}`} />
                    </Form.Item>
                    <Form.Item name={[item.name, 'matter']} label={t('records.meeting.matter')}>
                      <Select
                        style={{ width: 200 }}
                        options={resolutionMatters.map((m) => ({
                          value: m,
                          label: t(`governance.resolution.matters.${m}`),
                        }))}
                      />
                    </Form.Item>
                    {(['votesFor', 'votesAgainst', 'abstentions'] as const).map((k) => (
                      <Form.Item
                        key={k}
                        name={[item.name, k]}
                        label={t(`records.meeting.${k}`)}
                        rules={[{ required: true }]}
                      >
                        <InputNumber
                          min={0}
                          precision={0}
                          data-testid={`resolution-${k}-${index}`}
                        />
                      </Form.Item>
                    ))}
                    {body === 'representatives_meeting' &&
                      // a land matter counts the representatives' own votes (committee members apart)
                      (['representatives', 'representativesVotesFor'] as const).map((k) => (
                        <Form.Item key={k} name={[item.name, k]} label={t(`records.meeting.${k}`)}>
                          <InputNumber min={0} precision={0} />
                        </Form.Item>
                      ))}
                  </Space>
                </Card>
              ))}
              <Button
                onClick={() =>
                  add({
                    title: '',
                    matter: 'general',
                    votesFor: 0,
                    votesAgainst: 0,
                    abstentions: 0,
                  })
                }
              >
                {t('records.meeting.addResolution')}
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
