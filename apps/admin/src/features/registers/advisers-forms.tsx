// The forms of the legal advisers' register: an adviser, a village's contract, a market-day duty
// and a service record. The server applies the domain's rules and answers field errors in
// Chinese and English; warnings (an overlapping contract) are shown after saving.
import { useState, type ReactNode } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { App, Form, Input, InputNumber, Modal, Select } from 'antd';
import { adviserServiceKinds } from '@fazhi/domain';
import { useLang } from '../../i18n';
import { useFormErrorHandler } from '../../lib/use-form-error-handler';
import { queryClient, trpc } from '../../trpc';
import { useMe } from '../auth/me-context';
import { todayIso } from '../records/model';
import {
  serviceKindLabel,
  type AdviserRow,
  type ContractRow,
  type DutyRow,
  type ServiceRow,
} from './advisers-model';

async function refresh() {
  await queryClient.invalidateQueries(trpc.advisers.pathFilter());
}

function useSaved(onClose: () => void) {
  const { t, lang } = useLang();
  const { message } = App.useApp();
  return async (saved: object) => {
    void message.success(t('advisers.saved'));
    const warnings = (saved as { warnings?: { message: { zh: string; en: string } }[] }).warnings;
    for (const w of warnings ?? []) void message.warning(w.message[lang]);
    await refresh();
    onClose();
  };
}

/** The advisers a user may pick: the county's, or those serving the user's township or village. */
function useAdviserOptions() {
  const me = useMe();
  const list = useQuery(
    trpc.advisers.list.queryOptions({ divisionCode: me.scopeCode, pageSize: 200 }),
  );
  return (list.data?.items ?? []).map((a) => ({ value: a.id, label: `${a.name}（${a.firm}）` }));
}

function Dialog({
  title,
  onClose,
  onOk,
  saving,
  testId,
  children,
}: {
  title: string;
  onClose: () => void;
  onOk: () => void;
  saving: boolean;
  testId: string;
  children: ReactNode;
}) {
  const { t } = useLang();
  return (
    <Modal
      open
      title={title}
      onCancel={onClose}
      onOk={onOk}
      okText={t('app.save')}
      confirmLoading={saving}
      okButtonProps={{ 'data-testid': testId } as never}
    >
      {children}
    </Modal>
  );
}

export function AdviserForm({
  editing,
  onClose,
}: {
  editing: AdviserRow | null;
  onClose: () => void;
}) {
  const { t } = useLang();
  const me = useMe();
  const [form] = Form.useForm<{ name: string; firm: string; phone?: string }>();
  const onError = useFormErrorHandler(form, ['name', 'firm', 'phone']);
  const save = useMutation(
    trpc.advisers.save.mutationOptions({ onSuccess: useSaved(onClose), onError }),
  );
  return (
    <Dialog
      title={editing ? t('advisers.editAdviser') : t('advisers.addAdviser')}
      onClose={onClose}
      onOk={() => form.submit()}
      saving={save.isPending}
      testId="adviser-save"
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={editing ? { ...editing, phone: editing.phone ?? undefined } : {}}
        onFinish={(v) =>
          save.mutate({
            ...(editing ? { id: editing.id, version: editing.version } : {}),
            countyCode: editing?.countyCode ?? me.scopeCode,
            name: v.name,
            firm: v.firm,
            ...(v.phone ? { phone: v.phone } : {}),
          })
        }
      >
        <Form.Item name="name" label={t('advisers.name')} rules={[{ required: true }]}>
          <Input maxLength={50} data-testid="adviser-name" />
        </Form.Item>
        <Form.Item name="firm" label={t('advisers.firm')} rules={[{ required: true }]}>
          <Input maxLength={100} data-testid="adviser-firm" />
        </Form.Item>
        <Form.Item name="phone" label={t('advisers.phone')}>
          <Input maxLength={30} />
        </Form.Item>
      </Form>
    </Dialog>
  );
}

export function ContractForm({
  adviser,
  editing,
  onClose,
}: {
  adviser: AdviserRow;
  editing: ContractRow | null;
  onClose: () => void;
}) {
  const { t } = useLang();
  const [form] = Form.useForm<{ villageCode: string; startsOn: string; endsOn: string }>();
  const onError = useFormErrorHandler(form, ['villageCode', 'startsOn', 'endsOn']);
  const save = useMutation(
    trpc.advisers.saveContract.mutationOptions({ onSuccess: useSaved(onClose), onError }),
  );
  const year = todayIso().slice(0, 4);
  return (
    <Dialog
      title={`${editing ? t('advisers.editContract') : t('advisers.addContract')} · ${adviser.name}`}
      onClose={onClose}
      onOk={() => form.submit()}
      saving={save.isPending}
      testId="contract-save"
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={editing ?? { startsOn: `${year}-01-01`, endsOn: `${year}-12-31` }}
        onFinish={(v) =>
          save.mutate({
            ...(editing ? { id: editing.id, version: editing.version } : {}),
            adviserId: adviser.id,
            villageCode: v.villageCode,
            startsOn: v.startsOn,
            endsOn: v.endsOn,
          })
        }
      >
        <Form.Item name="villageCode" label={t('advisers.village')} rules={[{ required: true }]}>
          <VillageSearch initial={editing} />
        </Form.Item>
        <Form.Item name="startsOn" label={t('advisers.startsOn')} rules={[{ required: true }]}>
          <Input type="date" data-testid="contract-starts" />
        </Form.Item>
        <Form.Item name="endsOn" label={t('advisers.endsOn')} rules={[{ required: true }]}>
          <Input type="date" data-testid="contract-ends" />
        </Form.Item>
      </Form>
    </Dialog>
  );
}

/** A village searched by name or code (a county has hundreds). */
function VillageSearch({
  value,
  onChange,
  initial,
}: {
  value?: string;
  onChange?: (code: string) => void;
  initial: ContractRow | null;
}) {
  const { t } = useLang();
  const [query, setQuery] = useState('');
  const found = useQuery({
    ...trpc.divisions.search.queryOptions({ q: query, level: 'village', limit: 30 }),
    enabled: query.trim().length > 0,
  });
  const options = (found.data ?? []).map((d) => ({
    value: d.code,
    label: d.parentName ? `${d.name}（${d.parentName}）` : d.name,
  }));
  if (initial && !options.some((o) => o.value === initial.villageCode)) {
    options.unshift({ value: initial.villageCode, label: initial.villageName });
  }
  return (
    <Select
      showSearch
      value={value}
      placeholder={t('advisers.village')}
      filterOption={false}
      onSearch={setQuery}
      onChange={onChange}
      options={options}
      data-testid="contract-village"
    />
  );
}

export function DutyForm({
  townshipCode,
  editing,
  onClose,
}: {
  townshipCode: string;
  editing: DutyRow | null;
  onClose: () => void;
}) {
  const { t } = useLang();
  const [form] = Form.useForm<{ adviserId: string; date: string; place: string; note?: string }>();
  const onError = useFormErrorHandler(form, ['adviserId', 'date', 'place', 'note']);
  const save = useMutation(
    trpc.advisers.saveDutyDay.mutationOptions({ onSuccess: useSaved(onClose), onError }),
  );
  const advisers = useAdviserOptions();
  return (
    <Dialog
      title={editing ? t('advisers.edit') : t('advisers.addDuty')}
      onClose={onClose}
      onOk={() => form.submit()}
      saving={save.isPending}
      testId="duty-save"
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={editing ?? { date: todayIso() }}
        onFinish={(v) =>
          save.mutate({
            ...(editing ? { id: editing.id, version: editing.version } : {}),
            townshipCode,
            adviserId: v.adviserId,
            date: v.date,
            place: v.place,
            ...(v.note ? { note: v.note } : {}),
          })
        }
      >
        <Form.Item name="adviserId" label={t('advisers.adviser')} rules={[{ required: true }]}>
          <Select options={advisers} data-testid="duty-adviser" />
        </Form.Item>
        <Form.Item name="date" label={t('advisers.date')} rules={[{ required: true }]}>
          <Input type="date" />
        </Form.Item>
        <Form.Item name="place" label={t('advisers.place')} rules={[{ required: true }]}>
          <Input maxLength={100} data-testid="duty-place" />
        </Form.Item>
        <Form.Item name="note" label={t('advisers.note')}>
          <Input maxLength={500} />
        </Form.Item>
      </Form>
    </Dialog>
  );
}

export function ServiceForm({
  divisionCode,
  editing,
  onClose,
}: {
  divisionCode: string;
  editing: ServiceRow | null;
  onClose: () => void;
}) {
  const { t, lang } = useLang();
  type Values = {
    adviserId: string;
    date: string;
    kind: ServiceRow['kind'];
    count: number;
    note?: string;
  };
  const [form] = Form.useForm<Values>();
  const onError = useFormErrorHandler(form, ['adviserId', 'date', 'kind', 'count', 'note']);
  const save = useMutation(
    trpc.advisers.saveService.mutationOptions({ onSuccess: useSaved(onClose), onError }),
  );
  const advisers = useAdviserOptions();
  return (
    <Dialog
      title={editing ? t('advisers.edit') : t('advisers.addService')}
      onClose={onClose}
      onOk={() => form.submit()}
      saving={save.isPending}
      testId="service-save"
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={editing ?? { date: todayIso(), kind: 'consultation', count: 1 }}
        onFinish={(v) =>
          save.mutate({
            ...(editing ? { id: editing.id, version: editing.version } : {}),
            divisionCode,
            adviserId: v.adviserId,
            date: v.date,
            kind: v.kind,
            count: v.count,
            ...(v.note ? { note: v.note } : {}),
          })
        }
      >
        <Form.Item name="adviserId" label={t('advisers.adviser')} rules={[{ required: true }]}>
          <Select options={advisers} data-testid="service-adviser" />
        </Form.Item>
        <Form.Item name="date" label={t('advisers.date')} rules={[{ required: true }]}>
          <Input type="date" max={todayIso()} data-testid="service-date" />
        </Form.Item>
        <Form.Item name="kind" label={t('advisers.kind')} rules={[{ required: true }]}>
          <Select
            options={adviserServiceKinds.map((k) => ({
              value: k,
              label: serviceKindLabel(k, lang),
            }))}
          />
        </Form.Item>
        <Form.Item name="count" label={t('advisers.count')} rules={[{ required: true }]}>
          <InputNumber min={0} max={10000} data-testid="service-count" />
        </Form.Item>
        <Form.Item name="note" label={t('advisers.note')}>
          <Input maxLength={500} />
        </Form.Item>
      </Form>
    </Dialog>
  );
}
