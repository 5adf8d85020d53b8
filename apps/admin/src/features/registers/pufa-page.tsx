// 法治台账 › 普法宣传: a village's or township's 普法 activities, the villages' rosters of 法律明白人
// and 宣讲员, the annual plan of the township or the county, and the figures rolled up live.
import { useSearchParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Flex, Select, Space, Tabs, Typography } from 'antd';
import { useLang } from '../../i18n';
import { trpc } from '../../trpc';
import { useMe } from '../auth/me-context';
import { PufaActivities } from './pufa-activities';
import { PufaRoster } from './pufa-roster';
import { PufaPlan } from './pufa-plan';
import { PufaFigures } from './pufa-figures';

const tabs = ['activities', 'roster', 'plan', 'figures'] as const;
type Tab = (typeof tabs)[number];

export function PufaPage() {
  const { t } = useLang();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const isClerk = me.role === 'village_clerk';
  const isTownship = me.role === 'township_officer';
  const countyWide = !isClerk && !isTownship;
  const township = isTownship ? me.scopeCode : (params.get('township') ?? '');
  const division = isClerk ? me.scopeCode : params.get('division') || township || me.scopeCode;
  const tab: Tab = tabs.find((k) => k === params.get('tab')) ?? 'activities';
  const set = (next: Record<string, string>) => {
    const merged = { tab, township, division: params.get('division') ?? '', ...next };
    setParams(Object.fromEntries(Object.entries(merged).filter(([, v]) => v !== '')));
  };
  const townships = useQuery({
    ...trpc.divisions.children.queryOptions({ parentCode: me.scopeCode }),
    enabled: countyWide,
  });
  const villages = useQuery({
    ...trpc.divisions.children.queryOptions({ parentCode: township }),
    enabled: !isClerk && township !== '',
  });
  const writesVillages = isClerk || (countyWide && me.role !== 'inspector');
  const writesTownship = isTownship || (countyWide && me.role !== 'inspector');
  const isVillage = division !== township && division !== me.scopeCode ? true : isClerk;
  const canWriteActivities = isVillage ? writesVillages : township !== '' && writesTownship;
  const planDivision = township || (countyWide ? me.scopeCode : '');
  const canWritePlan =
    planDivision !== '' &&
    (isTownship ? planDivision === me.scopeCode : countyWide && me.role !== 'inspector');
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('pufa.title')}
      </Typography.Title>
      {!isClerk && (
        <Space wrap>
          {countyWide && (
            <Select
              showSearch
              allowClear
              optionFilterProp="label"
              style={{ width: 200 }}
              placeholder={t('pufa.pickTownship')}
              value={township || undefined}
              onChange={(code?: string) => set({ township: code ?? '', division: '' })}
              options={(townships.data ?? []).map((d) => ({ value: d.code, label: d.name }))}
              data-testid="pufa-township"
            />
          )}
          {township && (
            <Select
              showSearch
              optionFilterProp="label"
              style={{ width: 240 }}
              placeholder={t('pufa.pickDivision')}
              value={division}
              onChange={(code: string) => set({ division: code })}
              options={[
                { value: township, label: t('pufa.ownLevel') },
                ...(villages.data ?? []).map((v) => ({ value: v.code, label: v.name })),
              ]}
              data-testid="pufa-division"
            />
          )}
        </Space>
      )}
      <Tabs
        activeKey={tab}
        onChange={(key) => set({ tab: key })}
        items={[
          {
            key: 'activities',
            label: t('pufa.activities'),
            children: (
              <PufaActivities
                divisionCode={division}
                canWrite={canWriteActivities}
                ownOnly={!isVillage && canWriteActivities}
              />
            ),
          },
          {
            key: 'roster',
            label: t('pufa.roster'),
            children: (
              <PufaRoster
                divisionCode={division}
                canWrite={isVillage && writesVillages}
                canImport={writesVillages}
              />
            ),
          },
          ...(isClerk
            ? []
            : [
                {
                  key: 'plan',
                  label: t('pufa.plan'),
                  children: <PufaPlan divisionCode={planDivision} canWrite={canWritePlan} />,
                },
              ]),
          {
            key: 'figures',
            label: t('pufa.figures'),
            children: <PufaFigures divisionCode={division} />,
          },
        ]}
      />
    </Flex>
  );
}
