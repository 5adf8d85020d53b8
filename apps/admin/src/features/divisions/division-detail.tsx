import { useQuery } from '@tanstack/react-query';
import { Descriptions, Empty } from 'antd';
import { urbanRuralCodes } from '@fazhi/domain';
import { useLang } from '../../i18n';
import { localized } from '../../lib/errors';
import { trpc } from '../../trpc';
import { PageLoading } from '../../components/page-loading';
import { QueryError } from '../../components/query-error';
import { LevelTag } from '../../components/level-tag';
import type { DivisionSelection } from './division-tree';

/** Code, name, level, parent, urban–rural code and child count of the selected division. */
export function DivisionDetail({ selection }: { selection: DivisionSelection | null }) {
  const { t } = useLang();
  if (!selection) return <Empty description={t('divisions.selectHint')} />;
  return <Detail selection={selection} />;
}

function Detail({ selection }: { selection: DivisionSelection }) {
  const { t, lang } = useLang();
  const division = useQuery(trpc.divisions.get.queryOptions({ code: selection.code }));
  if (division.isPending) return <PageLoading minHeight={160} />;
  if (division.isError) {
    return <QueryError error={division.error} onRetry={() => void division.refetch()} />;
  }
  const d = division.data;
  const urbanRural = d.urbanRuralCode ? urbanRuralCodes[d.urbanRuralCode] : undefined;
  const parent = d.parentCode
    ? selection.parentName
      ? t('app.nameWithCode', { name: selection.parentName, code: d.parentCode })
      : d.parentCode
    : t('app.none');
  return (
    <Descriptions
      column={1}
      bordered
      size="small"
      data-testid="division-detail"
      items={[
        { key: 'name', label: t('divisions.name'), children: d.name },
        { key: 'code', label: t('divisions.code'), children: d.code },
        { key: 'level', label: t('divisions.level'), children: <LevelTag level={d.level} /> },
        { key: 'parent', label: t('divisions.parent'), children: parent },
        {
          key: 'urbanRural',
          label: t('divisions.urbanRuralCode'),
          children: d.urbanRuralCode
            ? `${d.urbanRuralCode}${urbanRural ? ` ${localized(urbanRural, lang)}` : ''}`
            : t('app.none'),
        },
        { key: 'children', label: t('divisions.childCount'), children: d.childCount },
      ]}
    />
  );
}
