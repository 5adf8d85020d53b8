// 群众意见 (件件有反馈): the comments owned in the user's area, unanswered first with their lights;
// record one received by phone or at the office, answer one; a link to the public page. The
// dashboard drills down here with `?divisionCode=&light=&answered=`.
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useMutation, useQuery } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  Modal,
  Segmented,
  Select,
  Space,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { trafficLights, type TrafficLight } from '@fazhi/domain';
import { useLang } from '../../i18n';
import { usePagination } from '../../lib/use-pagination';
import { useFormErrorHandler } from '../../lib/use-form-error-handler';
import { ResponsiveTable, type ResponsiveColumn } from '../../components/responsive-table';
import { QueryError } from '../../components/query-error';
import { queryClient, trpc } from '../../trpc';
import { useMe } from '../auth/me-context';
import { DivisionSelect } from '../users/division-select';
import { LightTag } from './light-tag';
import { inScope, todayIso, type CommentRow } from './model';

const refresh = () => queryClient.invalidateQueries(trpc.comments.pathFilter());

export function CommentsPage() {
  const { t } = useLang();
  const me = useMe();
  const [params] = useSearchParams();
  const asked = params.get('divisionCode');
  const divisionCode = asked && inScope(me, asked) ? asked : me.scopeCode;
  const [light, setLight] = useState<TrafficLight | 'all'>(() => {
    const l = params.get('light');
    return l !== null && (trafficLights as readonly string[]).includes(l)
      ? (l as TrafficLight)
      : 'all';
  });
  const [answered, setAnswered] = useState<boolean | undefined>(() => {
    const a = params.get('answered');
    return a === 'true' ? true : a === 'false' ? false : undefined;
  });
  const [late, setLate] = useState<boolean | undefined>(() => {
    const l = params.get('late');
    return l === 'true' ? true : l === 'false' ? false : undefined;
  });
  const [adding, setAdding] = useState(false);
  const [replying, setReplying] = useState<CommentRow | null>(null);
  const paging = usePagination();
  const list = useQuery(
    trpc.comments.list.queryOptions({
      divisionCode,
      ...(light === 'all' ? {} : { light }),
      ...(answered === undefined ? {} : { answered }),
      ...(late === undefined ? {} : { late }),
      page: paging.page,
      pageSize: paging.pageSize,
    }),
  );
  const writer = me.role !== 'inspector';
  const publicCode =
    me.scopeCode.slice(0, 9) + (me.role === 'village_clerk' ? me.scopeCode.slice(9) : '000');

  const columns: ResponsiveColumn<CommentRow>[] = [
    {
      title: t('township.light'),
      key: 'light',
      render: (_, r) => <LightTag light={r.light} redDays={r.redDays} escalated={r.escalated} />,
    },
    { title: t('township.comment.subject'), dataIndex: 'subject', cardTitle: true },
    { title: t('township.comment.division'), dataIndex: 'divisionName' },
    {
      title: t('township.comment.channel'),
      key: 'channel',
      hideOnPhone: true,
      render: (_, r) => t(`township.comment.channels.${r.channel}`),
    },
    { title: t('township.comment.receivedOn'), dataIndex: 'receivedOn', hideOnPhone: true },
    { title: t('township.comment.deadline'), dataIndex: 'deadline' },
    {
      title: t('township.comment.reply'),
      key: 'reply',
      render: (_, r) =>
        r.reply ? (
          <span>
            {r.reply}（{t('township.comment.daysTaken')}：{r.daysTaken}）
          </span>
        ) : (
          <Typography.Text type="warning">{t('township.comment.waiting')}</Typography.Text>
        ),
    },
    {
      title: '',
      key: 'actions',
      render: (_, r) =>
        writer && !r.reply ? (
          <Button size="small" onClick={() => setReplying(r)}>
            {t('township.comment.doReply')}
          </Button>
        ) : null,
    },
  ];

  return (
    <Card
      title={t('township.commentsTitle')}
      extra={
        <Space wrap>
          <a href={`/public/comments/${publicCode}`} target="_blank" rel="noreferrer">
            {t('township.comment.publicPage')}
          </a>
          {writer && (
            <Button type="primary" onClick={() => setAdding(true)}>
              {t('township.comment.add')}
            </Button>
          )}
        </Space>
      }
    >
      <Segmented
        style={{ marginBottom: 16 }}
        value={light}
        onChange={(v) => {
          setLight(v as TrafficLight | 'all');
          paging.toFirstPage();
        }}
        options={[
          { value: 'all', label: t('app.all') },
          ...trafficLights.map((l) => ({ value: l, label: t(`township.lights.${l}`) })),
        ]}
      />
      {late !== undefined && (
        <Tag
          closable
          data-testid="comments-late-filter"
          style={{ marginInlineStart: 8 }}
          onClose={() => {
            setLate(undefined);
            paging.toFirstPage();
          }}
        >
          {late ? t('township.board.late') : t('township.board.onTime')}
        </Tag>
      )}
      {answered !== undefined && (
        <Tag
          closable
          data-testid="comments-answered-filter"
          style={{ marginInlineStart: 8 }}
          onClose={() => {
            setAnswered(undefined);
            paging.toFirstPage();
          }}
        >
          {answered ? t('township.comment.replied') : t('township.comment.waiting')}
        </Tag>
      )}
      {list.error ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <ResponsiveTable<CommentRow>
          rowKey="id"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.isLoading}
          pagination={paging.tablePagination(list.data?.total ?? 0)}
        />
      )}
      {adding && <CommentDialog onClose={() => setAdding(false)} />}
      {replying && <ReplyDialog comment={replying} onClose={() => setReplying(null)} />}
    </Card>
  );
}

interface CommentValues {
  divisionCode: string;
  channel: 'phone' | 'office';
  subject: string;
  content: string;
  contact?: string;
  receivedOn: Dayjs;
  deadline?: Dayjs;
}

function CommentDialog({ onClose }: { onClose: () => void }) {
  const { t } = useLang();
  const me = useMe();
  const { message } = App.useApp();
  const [form] = Form.useForm<CommentValues>();
  const onError = useFormErrorHandler(form, [
    'divisionCode',
    'channel',
    'subject',
    'content',
    'contact',
    'receivedOn',
    'deadline',
  ]);
  const save = useMutation(
    trpc.comments.save.mutationOptions({
      onSuccess: async () => {
        void message.success(t('township.comment.saved'));
        await refresh();
        onClose();
      },
      onError,
    }),
  );
  return (
    <Modal
      open
      title={t('township.comment.add')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('app.save')}
      confirmLoading={save.isPending}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          channel: 'phone',
          receivedOn: dayjs(todayIso()),
          divisionCode: me.scopeCode,
        }}
        onFinish={(v) =>
          save.mutate({
            divisionCode: v.divisionCode,
            ownerCode: me.role === 'village_clerk' ? me.scopeCode : v.divisionCode,
            channel: v.channel,
            subject: v.subject,
            content: v.content,
            contact: v.contact || null,
            receivedOn: v.receivedOn.format('YYYY-MM-DD'),
            ...(v.deadline ? { deadline: v.deadline.format('YYYY-MM-DD') } : {}),
          })
        }
      >
        <Form.Item
          name="divisionCode"
          label={t('township.comment.division')}
          rules={[{ required: true }]}
        >
          <DivisionSelect levels={['township', 'village']} />
        </Form.Item>
        <Form.Item name="channel" label={t('township.comment.channel')}>
          <Select
            options={(['phone', 'office'] as const).map((c) => ({
              value: c,
              label: t(`township.comment.channels.${c}`),
            }))}
          />
        </Form.Item>
        <Form.Item
          name="subject"
          label={t('township.comment.subject')}
          rules={[{ required: true }]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item
          name="content"
          label={t('township.comment.content')}
          rules={[{ required: true }]}
        >
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        <Form.Item name="contact" label={t('township.comment.contact')}>
          <Input maxLength={100} />
        </Form.Item>
        <Space wrap>
          <Form.Item
            name="receivedOn"
            label={t('township.comment.receivedOn')}
            rules={[{ required: true }]}
          >
            <DatePicker />
          </Form.Item>
          <Form.Item name="deadline" label={t('township.comment.deadline')}>
            <DatePicker />
          </Form.Item>
        </Space>
      </Form>
    </Modal>
  );
}

function ReplyDialog({ comment, onClose }: { comment: CommentRow; onClose: () => void }) {
  const { t } = useLang();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reply: string }>();
  const onError = useFormErrorHandler(form, ['reply']);
  const reply = useMutation(
    trpc.comments.reply.mutationOptions({
      onSuccess: async () => {
        void message.success(t('township.comment.replied'));
        await refresh();
        onClose();
      },
      onError,
    }),
  );
  return (
    <Modal
      open
      title={`${t('township.comment.doReply')}：${comment.subject}`}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('app.save')}
      confirmLoading={reply.isPending}
    >
      <Typography.Paragraph>{comment.content}</Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => reply.mutate({ id: comment.id, version: comment.version, reply: v.reply })}
      >
        <Form.Item name="reply" label={t('township.comment.reply')} rules={[{ required: true }]}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
