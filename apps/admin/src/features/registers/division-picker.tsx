// The division a register page shows: a county user picks a township (or the whole county) and
// then a village; a township officer picks a village or the township; a clerk has their village.
import { useQuery } from '@tanstack/react-query';
import { Select, Space } from 'antd';
import { useLang } from '../../i18n';
import { trpc } from '../../trpc';
import { useMe } from '../auth/me-context';
import { townshipOf } from './model';

export function DivisionPicker({
  value,
  onChange,
  villages = true,
  testId,
}: {
  value: string;
  onChange: (code: string) => void;
  /** Offer the villages of the chosen township too. */
  villages?: boolean;
  testId: string;
}) {
  const { t } = useLang();
  const me = useMe();
  const aboveTownship = me.scopeCode.endsWith('000000');
  const township = aboveTownship
    ? value === me.scopeCode
      ? ''
      : townshipOf(value)
    : me.role === 'village_clerk'
      ? ''
      : me.scopeCode;
  const townships = useQuery({
    ...trpc.divisions.children.queryOptions({ parentCode: me.scopeCode }),
    enabled: aboveTownship,
  });
  const villageList = useQuery({
    ...trpc.divisions.children.queryOptions({ parentCode: township }),
    enabled: villages && township !== '',
  });
  if (me.role === 'village_clerk') return null;
  return (
    <Space wrap>
      {aboveTownship && (
        <Select
          showSearch
          optionFilterProp="label"
          style={{ width: 200 }}
          value={township || me.scopeCode}
          onChange={onChange}
          options={[
            { value: me.scopeCode, label: t('advisers.total') },
            ...(townships.data ?? []).map((d) => ({ value: d.code, label: d.name })),
          ]}
          data-testid={`${testId}-township`}
        />
      )}
      {villages && township && (
        <Select
          showSearch
          optionFilterProp="label"
          style={{ width: 220 }}
          value={value === township ? '' : value}
          onChange={(code: string) => onChange(code || township)}
          options={[
            { value: '', label: t('advisers.pickVillage') },
            ...(villageList.data ?? []).map((v) => ({ value: v.code, label: v.name })),
          ]}
          data-testid={`${testId}-village`}
        />
      )}
    </Space>
  );
}
