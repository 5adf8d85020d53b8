// The rosters of 法律明白人 and 宣讲员 of a village (or of a township's or county's villages),
// paged on the server. Names are shown inside the township only; no ID numbers are asked.
import { useState } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Select,
  Space,
  Tag,
} from 'antd';
import { pufaExamResults, pufaRosterRoles, type PufaRosterRole } from '@fazhi/domain';
import { useLang } from '../../i18n';
import { queryClient, trpc } from '../../trpc';
import { QueryError } from '../../components/query-error';
import { useErrorText } from '../../components/use-error-text';
import { ResponsiveTable, type ResponsiveColumn } from '../../components/responsive-table';
import { useFormErrorHandler } from '../../lib/use-form-error-handler';
import { todayIso } from '../records/model';
import { RegisterExcel } from './register-excel';
import { pufaLabel, pufaOptions, type PufaRosterInput, type PufaRosterRow } from './pufa-model';

const PAGE_SIZE = 20;

export function PufaRoster({
  divisionCode,
  canWrite,
  canImport,
}: {
  divisionCode: string;
  canWrite: boolean;
  /** Whether the user records villages' rosters (a county imports several villages at once). */
  canImport: boolean;
}) {
  const { t, lang } = useLang();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [page, setPage] = useState(1);
  const [role, setRole] = useState<PufaRosterRole | undefined>(undefined);
  const [editing, setEditing] = useState<PufaRosterRow | null | undefined>(undefined);
  const list = useQuery(
    trpc.pufa.listRoster.queryOptions({
      divisionCode,
      page,
      pageSize: PAGE_SIZE,
      ...(role ? { role } : {}),
    }),
  );
  const remove = useMutation(
    trpc.pufa.removeRosterMember.mutationOptions({
      onSuccess: async () => {
        void message.success(t('pufa.removed'));
        await queryClient.invalidateQueries(trpc.pufa.pathFilter());
      },
      onError: (e) => void message.error(errorText(e)),
    }),
  );
  const importRoster = useMutation(trpc.pufa.importRoster.mutationOptions());
  if (list.error) return <QueryError error={list.error} />;
  const columns: ResponsiveColumn<PufaRosterRow>[] = [
    {
      title: t('pufa.name'),
      dataIndex: 'name',
      cardTitle: true,
      render: (v: string | null) => v ?? t('pufa.nameHidden'),
    },
    {
      title: t('pufa.role'),
      dataIndex: 'role',
      render: (v: PufaRosterRow['role']) => pufaLabel('role', v, lang),
    },
    { title: t('pufa.village'), dataIndex: 'villageName' },
    {
      title: t('pufa.trainingHours'),
      dataIndex: 'trainingHours',
      render: (v: number, r) => (
        <Space size={4} wrap>
          {v}
          {r.warnings.map((w) => (
            <Tag key={w.code} color="orange">
              {w.message[lang]}
            </Tag>
          ))}
        </Space>
      ),
    },
    {
      title: t('pufa.examResult'),
      dataIndex: 'examResult',
      render: (v: PufaRosterRow['examResult'], r) =>
        `${pufaLabel('examResult', v, lang)}${r.examOn ? `（${r.examOn}）` : ''}`,
    },
    ...(canWrite
      ? [
          {
            key: 'actions',
            width: 130,
            render: (_: unknown, r: PufaRosterRow) => (
              <Space size={4}>
                <Button size="small" onClick={() => setEditing(r)}>
                  {t('pufa.edit')}
                </Button>
                <Popconfirm
                  title={t('pufa.remove')}
                  onConfirm={() => remove.mutate({ id: r.id, version: r.version })}
                >
                  <Button size="small" danger>
                    {t('pufa.remove')}
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]
      : []),
  ];
  return (
    <Card
      title={
        <Select
          allowClear
          style={{ width: 160 }}
          placeholder={t('pufa.role')}
          value={role}
          onChange={(v?: PufaRosterRole) => {
            setRole(v);
            setPage(1);
          }}
          options={pufaOptions('role', pufaRosterRoles, lang)}
        />
      }
      extra={
        canWrite && (
          <Button type="primary" onClick={() => setEditing(null)} data-testid="pufa-member-add">
            {t('pufa.addMember')}
          </Button>
        )
      }
    >
      <Flex wrap gap={8} justify="flex-end" style={{ marginBottom: 12 }}>
        <RegisterExcel
          ns="pufa"
          testId="pufa-roster"
          exportFile={() =>
            queryClient.fetchQuery({
              ...trpc.pufa.exportRoster.queryOptions({
                divisionCode,
                ...(role ? { role } : {}),
              }),
              staleTime: 0,
            })
          }
          importFile={
            canImport
              ? (workbook) => importRoster.mutateAsync({ divisionCode, workbook })
              : undefined
          }
          onImported={() => queryClient.invalidateQueries(trpc.pufa.pathFilter())}
        />
      </Flex>
      <ResponsiveTable<PufaRosterRow>
        rowKey="id"
        size="small"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        columns={columns}
        locale={{ emptyText: t('pufa.empty') }}
        data-testid="pufa-roster"
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: list.data?.total ?? 0,
          onChange: setPage,
          showSizeChanger: false,
        }}
      />
      {editing !== undefined && (
        <RosterForm
          villageCode={divisionCode}
          editing={editing}
          onClose={() => setEditing(undefined)}
        />
      )}
    </Card>
  );
}

type Values = Omit<PufaRosterInput, 'villageCode' | 'id' | 'version'>;
const fields = ['role', 'name', 'trainingHours', 'examResult', 'examOn', 'notes'];

function RosterForm({
  villageCode,
  editing,
  onClose,
}: {
  villageCode: string;
  editing: PufaRosterRow | null;
  onClose: () => void;
}) {
  const { t, lang } = useLang();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const examResult = Form.useWatch('examResult', form);
  const onError = useFormErrorHandler(form, fields);
  const save = useMutation(
    trpc.pufa.saveRosterMember.mutationOptions({
      onSuccess: async (saved) => {
        void message.success(t('pufa.saved'));
        for (const w of saved.warnings) void message.warning(w.message[lang]);
        await queryClient.invalidateQueries(trpc.pufa.pathFilter());
        await queryClient.invalidateQueries(trpc.statistics.pathFilter());
        onClose();
      },
      onError,
    }),
  );
  const nameHidden = editing !== null && editing.name === null;
  return (
    <Modal
      open
      title={editing ? t('pufa.editMember') : t('pufa.addMember')}
      width={520}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('app.save')}
      confirmLoading={save.isPending}
      okButtonProps={{ 'data-testid': 'pufa-member-save' } as never}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={
          editing
            ? { ...editing, name: editing.name ?? undefined, examOn: editing.examOn ?? undefined }
            : { role: 'legal_literate', trainingHours: 0, examResult: 'not_taken' }
        }
        onFinish={(v) =>
          save.mutate({
            ...(editing ? { id: editing.id, version: editing.version } : {}),
            villageCode,
            role: v.role,
            ...(v.name ? { name: v.name } : {}),
            trainingHours: v.trainingHours,
            examResult: v.examResult,
            examOn: v.examResult === 'not_taken' ? null : v.examOn || null,
            ...(v.notes ? { notes: v.notes } : {}),
          })
        }
      >
        <Space wrap>
          <Form.Item name="role" label={t('pufa.role')} rules={[{ required: true }]}>
            <Select style={{ width: 160 }} options={pufaOptions('role', pufaRosterRoles, lang)} />
          </Form.Item>
          <Form.Item
            name="name"
            label={t('pufa.name')}
            rules={[{ required: !nameHidden }]}
            extra={nameHidden ? t('pufa.nameKept') : undefined}
          >
            <Input maxLength={50} style={{ width: 180 }} data-testid="pufa-member-name" />
          </Form.Item>
        </Space>
        <Space wrap>
          <Form.Item
            name="trainingHours"
            label={t('pufa.trainingHours')}
            rules={[{ required: true }]}
          >
            <InputNumber min={0} max={2000} step={0.5} style={{ width: 120 }} />
          </Form.Item>
          <Form.Item name="examResult" label={t('pufa.examResult')} rules={[{ required: true }]}>
            <Select
              style={{ width: 140 }}
              options={pufaOptions('examResult', pufaExamResults, lang)}
            />
          </Form.Item>
          {examResult !== 'not_taken' && (
            <Form.Item name="examOn" label={t('pufa.examOn')}>
              <Input type="date" max={todayIso()} />
            </Form.Item>
          )}
        </Space>
        <Form.Item name="notes" label={t('pufa.notes')}>
          <Input.TextArea maxLength={500} rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
