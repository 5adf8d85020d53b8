// 普法 figures of a division and of each child division for a period, live from the register:
// activities, participants and materials (with the period before), 法律明白人 trained, and the
// activities by kind; drill down by clicking a row.
import { useEffect, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Descriptions, Flex, Input, Space, Typography } from 'antd';
import { pufaActivityTypes } from '@fazhi/domain';
import { useLang } from '../../i18n';
import { trpc } from '../../trpc';
import { QueryError } from '../../components/query-error';
import { ResponsiveTable, type ResponsiveColumn } from '../../components/responsive-table';
import { todayIso } from '../records/model';
import { pufaLabel, type PufaStatisticsRow } from './pufa-model';

export function PufaFigures({ divisionCode }: { divisionCode: string }) {
  const { t, lang } = useLang();
  const year = todayIso().slice(0, 4);
  const [division, setDivision] = useState(divisionCode);
  const [from, setFrom] = useState(`${year}-01-01`);
  const [to, setTo] = useState(`${year}-12-31`);
  useEffect(() => setDivision(divisionCode), [divisionCode]);
  const stats = useQuery(trpc.statistics.pufa.queryOptions({ divisionCode: division, from, to }));
  const data = stats.data;
  const columns: ResponsiveColumn<PufaStatisticsRow>[] = [
    {
      title: t('pufa.division'),
      dataIndex: 'name',
      cardTitle: true,
      render: (name: string, r) =>
        r.code === division || r.own ? (
          name
        ) : (
          <Typography.Link onClick={() => setDivision(r.code)} data-testid={`pufa-drill-${r.code}`}>
            {name}
          </Typography.Link>
        ),
    },
    { title: t('pufa.activities'), dataIndex: 'activities' },
    { title: t('pufa.participants'), dataIndex: 'participants' },
    { title: t('pufa.materials'), dataIndex: 'materials' },
    {
      title: t('pufa.previous'),
      key: 'previous',
      render: (_: unknown, r) => r.previousPeriod.activities,
    },
    { title: t('pufa.legalLiterate'), dataIndex: 'legalLiterate' },
    {
      title: t('pufa.trained', { hours: data?.trainedHours ?? '' }),
      dataIndex: 'trained',
    },
    { title: t('pufa.passed'), dataIndex: 'passed' },
    { title: t('pufa.lecturers'), dataIndex: 'lecturers' },
  ];
  return (
    <Flex vertical gap={12}>
      <Space wrap>
        <Input
          type="date"
          value={from}
          onChange={(e) => setFrom(e.target.value)}
          style={{ width: 160 }}
          aria-label={t('pufa.from')}
        />
        <Input
          type="date"
          value={to}
          onChange={(e) => setTo(e.target.value)}
          style={{ width: 160 }}
          aria-label={t('pufa.to')}
        />
        {division !== divisionCode && (
          <Button onClick={() => setDivision(divisionCode)}>{t('pufa.back')}</Button>
        )}
      </Space>
      {stats.error && <QueryError error={stats.error} />}
      <Card size="small" loading={stats.isLoading}>
        {data && (
          <Flex vertical gap={12}>
            <ResponsiveTable<PufaStatisticsRow>
              rowKey="code"
              size="small"
              pagination={false}
              // the total row carries the children of the division: no tree
              expandable={{ childrenColumnName: 'none' }}
              scroll={{ x: 760 }}
              data-testid="pufa-figures"
              columns={columns}
              dataSource={[
                ...data.children,
                { ...data, name: `${t('pufa.total')}（${data.name}）` },
              ]}
            />
            <Descriptions
              size="small"
              title={t('pufa.byType')}
              column={{ xs: 2, sm: 4 }}
              data-testid="pufa-by-type"
              items={pufaActivityTypes.map((type) => ({
                key: type,
                label: pufaLabel('type', type, lang),
                children: data.byType[type],
              }))}
            />
          </Flex>
        )}
      </Card>
    </Flex>
  );
}
