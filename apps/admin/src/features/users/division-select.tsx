// Chooses a scope division inside the current user's scope, by name or code, limited to the
// levels the chosen role may hold. Without a search text it offers the user's own scope and its
// direct subdivisions.
import { useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Select, Spin } from 'antd';
import type { DivisionLevel } from '@fazhi/domain';
import { useLang } from '../../i18n';
import { WHOLE_DEPLOYMENT } from '../../lib/roles';
import { useDebounced } from '../../lib/use-debounced';
import { trpc } from '../../trpc';
import { useMe } from '../auth/me-context';

export interface DivisionOption {
  value: string;
  label: string;
}

interface Props {
  value?: string;
  onChange?: (value: string | undefined) => void;
  /** Allowed levels; `null` means the whole deployment only. */
  levels: readonly DivisionLevel[] | null;
  /** The option of the current value (its name is not searched for). */
  initial?: DivisionOption | undefined;
  disabled?: boolean;
  id?: string;
}

function optionLabel(d: { code: string; name: string; parentName?: string | null }) {
  return d.parentName ? `${d.parentName} / ${d.name} ${d.code}` : `${d.name} ${d.code}`;
}

export function DivisionSelect({ value, onChange, levels, initial, disabled, id }: Props) {
  const { t } = useLang();
  const me = useMe();
  const [text, setText] = useState('');
  const q = useDebounced(text.trim(), 250);
  const onlyLevel = levels && levels.length === 1 ? levels[0] : undefined;
  const whole = levels === null;

  const search = useQuery({
    ...trpc.divisions.search.queryOptions({
      q,
      limit: 50,
      ...(onlyLevel ? { level: onlyLevel } : {}),
    }),
    enabled: q !== '' && !whole && !disabled,
  });
  const own = useQuery({
    ...trpc.divisions.get.queryOptions({ code: me.scopeCode }),
    enabled: me.scopeCode !== WHOLE_DEPLOYMENT && !whole && !disabled,
  });
  const children = useQuery({
    ...trpc.divisions.children.queryOptions({ parentCode: me.scopeCode }),
    enabled: !whole && !disabled,
  });

  const options = useMemo((): DivisionOption[] => {
    if (whole) return [{ value: WHOLE_DEPLOYMENT, label: t('users.scopeWhole') }];
    const allowed = (level: string) => !levels || levels.includes(level as DivisionLevel);
    const list: DivisionOption[] = [];
    if (q) {
      for (const d of search.data ?? []) {
        if (allowed(d.level)) list.push({ value: d.code, label: optionLabel(d) });
      }
    } else {
      if (own.data && allowed(own.data.level)) {
        list.push({ value: own.data.code, label: optionLabel(own.data) });
      }
      const parentName = own.data?.name ?? null;
      for (const d of children.data ?? []) {
        if (allowed(d.level))
          list.push({ value: d.code, label: optionLabel({ ...d, parentName }) });
      }
    }
    if (initial && value === initial.value && !list.some((o) => o.value === initial.value)) {
      list.unshift(initial);
    }
    return list;
  }, [whole, levels, q, search.data, own.data, children.data, initial, value, t]);

  const loading = q ? search.isFetching : children.isFetching || own.isFetching;

  return (
    <Select<string, DivisionOption>
      id={id}
      value={value}
      onChange={(v) => onChange?.(v)}
      options={options}
      disabled={disabled || whole}
      allowClear
      placeholder={t('users.scopePlaceholder')}
      showSearch={{ filterOption: false, onSearch: setText, searchValue: text }}
      onOpenChange={(open) => {
        if (!open) setText('');
      }}
      notFoundContent={
        loading ? <Spin size="small" /> : q ? t('divisions.noResults') : t('users.scopeSearchHint')
      }
      popupMatchSelectWidth
    />
  );
}
