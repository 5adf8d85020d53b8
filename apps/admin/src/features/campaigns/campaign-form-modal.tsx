// 新建活动: `campaigns.create`, with the server's field errors on the fields.
import { useEffect, useMemo, useState } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import {
  App,
  Col,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Modal,
  Row,
  Select,
  Spin,
  Switch,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import {
  RecordPeriodField,
  recordPeriodInput,
  type RecordPeriodValue,
} from './record-period-field';
import { useNavigate } from 'react-router';
import { useLang } from '../../i18n';
import { useFormErrorHandler } from '../../lib/use-form-error-handler';
import { WHOLE_DEPLOYMENT } from '../../lib/roles';
import { useDebounced } from '../../lib/use-debounced';
import { queryClient, trpc } from '../../trpc';
import { useMe } from '../auth/me-context';
import { DivisionSelect } from '../users/division-select';
import { CampaignRuleFields } from './campaign-rule-fields';
import {
  campaignLevels,
  campaignModes,
  campaignStages,
  subjectLevels,
  type CampaignLevel,
  type CampaignMode,
  type CampaignStage,
  type SubjectLevel,
} from './model';
import { subjectWords } from './subject-words';

interface Values {
  countyCode?: string;
  name: string;
  year: number;
  level: CampaignLevel;
  mode: CampaignMode;
  subjectLevel: SubjectLevel;
  publicNotice: boolean;
  recommendationQuota?: number | null;
  frameworkId: string;
  stageDates?: Partial<Record<CampaignStage, Dayjs | null>>;
  recordPeriod?: RecordPeriodValue;
  noticeDays: number;
  minSelfScore?: number | null;
  minAcceptedScore?: number | null;
  requireLowerTitle: boolean;
  townshipScoreRequired: boolean;
  pilotVillageCodes?: string[];
  inspectorIds?: string[];
}

const formFields = [
  'countyCode',
  'name',
  'year',
  'level',
  'mode',
  'subjectLevel',
  'publicNotice',
  'recommendationQuota',
  'frameworkId',
  'stageDates',
  'recordPeriod',
  'noticeDays',
  'minSelfScore',
  'minAcceptedScore',
  'requireLowerTitle',
  'townshipScoreRequired',
  'pilotVillageCodes',
  'inspectorIds',
];

interface Props {
  open: boolean;
  onClose(): void;
}

export function CampaignFormModal({ open, onClose }: Props) {
  const { t, lang } = useLang();
  const me = useMe();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useMutation(trpc.campaigns.create.mutationOptions());
  const frameworks = useQuery({ ...trpc.frameworks.list.queryOptions(), enabled: open });
  const inspectors = useQuery({
    ...trpc.users.list.queryOptions({ role: 'inspector', disabled: false, pageSize: 200 }),
    enabled: open,
  });
  const whole = me.scopeCode === WHOLE_DEPLOYMENT;
  const countyCode = Form.useWatch('countyCode', form) ?? (whole ? undefined : me.scopeCode);
  const mode = Form.useWatch('mode', form) ?? 'creation';
  // a county names county titles only; a recommendation goes to a higher level
  const levelOptions = campaignLevels.filter((l) =>
    mode === 'recommendation' ? l !== 'county' : l === 'county',
  );

  useEffect(() => {
    if (!open) return;
    form.resetFields();
  }, [open, form]);

  const onError = useFormErrorHandler(form, formFields);

  const submit = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    const stageDates: Partial<Record<CampaignStage, string>> = {};
    for (const stage of campaignStages) {
      const date = values.stageDates?.[stage];
      if (date) stageDates[stage] = date.format('YYYY-MM-DD');
    }
    create.mutate(
      {
        countyCode: whole ? (values.countyCode ?? '') : me.scopeCode,
        name: values.name.trim(),
        year: values.year,
        level: values.level,
        mode: values.mode,
        subjectLevel: values.subjectLevel,
        publicNotice: values.mode === 'annual' ? values.publicNotice : false,
        recommendationQuota:
          values.mode === 'recommendation' ? (values.recommendationQuota ?? null) : null,
        frameworkId: values.frameworkId,
        stageDates,
        recordPeriod: recordPeriodInput(values.recordPeriod),
        noticeDays: values.noticeDays,
        minSelfScore: values.minSelfScore ?? null,
        minAcceptedScore: values.minAcceptedScore ?? null,
        requireLowerTitle: values.requireLowerTitle,
        townshipScoreRequired: values.townshipScoreRequired,
        pilotVillageCodes: values.pilotVillageCodes ?? [],
        inspectorIds: values.inspectorIds ?? [],
      },
      {
        onSuccess: (row) => {
          void queryClient.invalidateQueries(trpc.campaigns.pathFilter());
          void message.success(t('campaigns.created'));
          onClose();
          void navigate(`/campaigns/${row.id}`);
        },
        onError,
      },
    );
  };

  const required = { required: true, message: t('campaigns.required') };

  return (
    <Modal
      open={open}
      title={t('campaigns.create')}
      okText={t('app.save')}
      cancelText={t('app.cancel')}
      onOk={() => void submit()}
      onCancel={onClose}
      confirmLoading={create.isPending}
      destroyOnHidden
      width={760}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        name="campaign-form"
        requiredMark
        initialValues={{
          year: new Date().getFullYear(),
          level: 'county',
          mode: 'creation',
          subjectLevel: 'village',
          publicNotice: false,
          noticeDays: 7,
          requireLowerTitle: false,
          townshipScoreRequired: true,
        }}
      >
        {whole ? (
          <Form.Item name="countyCode" label={t('campaigns.county')} rules={[required]}>
            <DivisionSelect levels={['county']} />
          </Form.Item>
        ) : null}
        <Form.Item
          name="name"
          label={t('campaigns.name')}
          rules={[{ ...required, whitespace: true }]}
        >
          <Input autoComplete="off" maxLength={100} />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} sm={8}>
            <Form.Item name="mode" label={t('campaigns.mode')} rules={[required]}>
              <Select<CampaignMode>
                data-testid="campaign-mode"
                options={campaignModes.map((m) => ({ value: m, label: t(`campaigns.modes.${m}`) }))}
                onChange={(m) =>
                  form.setFieldValue('level', m === 'recommendation' ? 'municipal' : 'county')
                }
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item name="subjectLevel" label={t('campaigns.subjectLevel')} rules={[required]}>
              <Select<SubjectLevel>
                data-testid="campaign-subject-level"
                options={subjectLevels.map((l) => ({
                  value: l,
                  label: subjectWords(l, lang).Subjects,
                }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            {mode === 'annual' ? (
              <Form.Item
                name="publicNotice"
                label={t('campaigns.publicNotice')}
                valuePropName="checked"
              >
                <Switch />
              </Form.Item>
            ) : null}
            {mode === 'recommendation' ? (
              <Form.Item
                name="recommendationQuota"
                label={t('campaigns.recommendationQuota')}
                rules={[required]}
              >
                <InputNumber min={0} max={10000} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            ) : null}
          </Col>
        </Row>
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item name="year" label={t('campaigns.year')} rules={[required]}>
              <InputNumber min={2000} max={2100} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="level" label={t('campaigns.level')} rules={[required]}>
              <Select<CampaignLevel>
                options={levelOptions.map((l) => ({
                  value: l,
                  label: t(`campaigns.levels.${l}`),
                }))}
              />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="noticeDays" label={t('campaigns.noticeDays')} rules={[required]}>
              <InputNumber min={1} max={60} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="frameworkId" label={t('campaigns.framework')} rules={[required]}>
          <Select<string>
            loading={frameworks.isPending}
            options={(frameworks.data ?? []).map((f) => ({
              value: f.id,
              label: t('campaigns.frameworkOption', {
                name: f.name,
                version: f.version,
                points: f.totalPoints,
                items: f.itemCount,
              }),
              code: f.code,
            }))}
            optionRender={(option) => <span data-code={option.data.code}>{option.data.label}</span>}
          />
        </Form.Item>
        <CampaignRuleFields />
        <Typography.Text strong>{t('campaigns.stageDates')}</Typography.Text>
        <Row gutter={[12, 0]} style={{ marginTop: 8 }}>
          {campaignStages.map((stage) => (
            <Col span={6} key={stage}>
              <Form.Item name={['stageDates', stage]} label={t(`campaigns.stages.${stage}`)}>
                <DatePicker style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          ))}
        </Row>
        <RecordPeriodField />
        <Form.Item
          name="pilotVillageCodes"
          label={t('campaigns.pilotVillages')}
          extra={t('campaigns.pilotVillagesHint')}
        >
          <VillageMultiSelect countyCode={countyCode} />
        </Form.Item>
        <Form.Item name="inspectorIds" label={t('campaigns.inspectors')}>
          <Select<string[]>
            mode="multiple"
            allowClear
            loading={inspectors.isPending}
            optionFilterProp="label"
            options={(inspectors.data?.items ?? []).map((u) => ({
              value: u.id,
              label: `${u.displayName}（${u.username}）`,
            }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface VillageMultiSelectProps {
  value?: string[];
  onChange?: (value: string[]) => void;
  countyCode: string | undefined;
  id?: string;
}

/** Villages of the county, searched by name or code. */
function VillageMultiSelect({ value, onChange, countyCode, id }: VillageMultiSelectProps) {
  const { t } = useLang();
  const [text, setText] = useState('');
  const [known, setKnown] = useState<Record<string, string>>({});
  const q = useDebounced(text.trim(), 250);
  const search = useQuery({
    ...trpc.divisions.search.queryOptions({ q, limit: 50, level: 'village' }),
    enabled: q !== '' && !!countyCode,
  });
  const prefix = countyCode?.slice(0, 6) ?? '';
  const options = useMemo(() => {
    const list = (search.data ?? [])
      .filter((d) => d.code.startsWith(prefix))
      .map((d) => ({
        value: d.code,
        label: d.parentName ? `${d.parentName} / ${d.name} ${d.code}` : `${d.name} ${d.code}`,
      }));
    for (const code of value ?? []) {
      if (!list.some((o) => o.value === code))
        list.push({ value: code, label: known[code] ?? code });
    }
    return list;
  }, [search.data, prefix, value, known]);

  return (
    <Select<string[]>
      id={id}
      mode="multiple"
      allowClear
      value={value}
      disabled={!countyCode}
      onChange={(codes, chosen) => {
        const labels = { ...known };
        for (const o of Array.isArray(chosen) ? chosen : []) {
          if (o && typeof o.value === 'string') labels[o.value] = String(o.label);
        }
        setKnown(labels);
        onChange?.(codes);
      }}
      options={options}
      placeholder={t('campaigns.villageSearch')}
      showSearch={{ filterOption: false, onSearch: setText, searchValue: text }}
      notFoundContent={search.isFetching ? <Spin size="small" /> : null}
    />
  );
}
