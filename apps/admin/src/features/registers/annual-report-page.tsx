// 年度报告: the county's or township's annual 法治建设 report for a year. Each fixed section shows
// its figures (本年, 上年, 同比, and the register each comes from) and its per-township tables; the
// officer edits the generated prose and downloads the .docx with it (the figures stay the records').
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useMutation, useQuery } from '@tanstack/react-query';
import { App, Button, Card, Empty, Flex, Input, Select, Space, Spin, Typography } from 'antd';
import { DownloadOutlined, UndoOutlined } from '@ant-design/icons';
import {
  ANNUAL_REPORT_PROSE_MAX,
  describeChange,
  describeRateChange,
  formatRate,
  type AnnualReportSection,
} from '@fazhi/domain';
import { useLang } from '../../i18n';
import { trpc } from '../../trpc';
import { QueryError } from '../../components/query-error';
import { ResponsiveTable } from '../../components/responsive-table';
import { useErrorText } from '../../components/use-error-text';
import { useMe } from '../auth/me-context';
import { DivisionSelect } from '../users/division-select';
import { todayIso } from '../records/model';
import { downloadAnnualReport } from './annual-report-download';
import type { RouterOutputs } from '../../types';

type Report = RouterOutputs['reports']['annual'];
type Section = Report['sections'][number];
type Figure = Section['figures'][number];
type ReportTable = Section['tables'][number];

function shown(kind: 'count' | 'rate', value: number | null, unit = ''): string {
  if (kind === 'rate') return formatRate(value);
  return value === null ? '—' : `${value}${unit}`;
}

/** A section's number as the report prints it: 一、 in Chinese, 1. in English. */
function numbered(i: number, lang: string): string {
  return lang === 'zh' ? `${'一二三四五六七八九十'[i] ?? i + 1}、` : `${i + 1}. `;
}

function FigureTable({ figures, year }: { figures: Figure[]; year: number }) {
  const { t, lang } = useLang();
  return (
    <ResponsiveTable<Figure>
      rowKey="key"
      size="small"
      pagination={false}
      dataSource={figures}
      columns={[
        { title: t('registers.report.figure'), dataIndex: 'label', cardTitle: true },
        {
          title: String(year),
          key: 'value',
          render: (_: unknown, f: Figure) => shown(f.kind, f.value, f.unit),
        },
        {
          title: String(year - 1),
          key: 'previous',
          render: (_: unknown, f: Figure) => shown(f.kind, f.previous, f.unit),
        },
        {
          title: t('registers.report.change'),
          key: 'change',
          render: (_: unknown, f: Figure) =>
            f.kind === 'rate'
              ? describeRateChange(f.value, f.previous)[lang]
              : describeChange(f.value ?? 0, f.previous ?? 0)[lang],
        },
        { title: t('registers.report.source'), dataIndex: 'source' },
      ]}
    />
  );
}

function DivisionTable({ table }: { table: ReportTable }) {
  const { t } = useLang();
  const rows = table.rows.map((r) => ({ ...r }));
  return (
    <Flex vertical gap={4}>
      <Typography.Text strong>
        {table.title}（{t('registers.report.source')}：{table.source}）
      </Typography.Text>
      <ResponsiveTable<(typeof rows)[number]>
        rowKey="code"
        size="small"
        pagination={false}
        scroll={{ x: 700 }}
        dataSource={rows}
        columns={[
          { title: t('registers.name'), dataIndex: 'name', cardTitle: true },
          ...table.columns.map((c, i) => ({
            title: c.label,
            key: String(i),
            render: (_: unknown, r: (typeof rows)[number]) => shown(c.kind, r.values[i] ?? null),
          })),
        ]}
      />
    </Flex>
  );
}

export function AnnualReportPage() {
  const { t, lang } = useLang();
  const me = useMe();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [params, setParams] = useSearchParams();
  const thisYear = Number(todayIso().slice(0, 4));
  const division = params.get('division') ?? me.scopeCode;
  const year = Number(params.get('year') ?? thisYear);
  const report = useQuery(trpc.reports.annual.queryOptions({ divisionCode: division, year }));
  const [prose, setProse] = useState<Partial<Record<AnnualReportSection, string>>>({});
  // a new division or year: the edits of the former report are dropped
  useEffect(() => setProse({}), [division, year]);
  const download = useMutation({
    mutationFn: () =>
      downloadAnnualReport({
        divisionCode: division,
        year,
        prose: Object.fromEntries(Object.entries(prose).filter(([, text]) => text.trim() !== '')),
      }),
    onSuccess: (name) => void message.success(t('registers.report.downloaded', { name })),
    onError: (e) => void message.error(errorText(e)),
  });
  const data = report.data;
  const years = Array.from({ length: 8 }, (_, i) => thisYear - i);
  const go = (next: { division?: string; year?: number }) =>
    setParams({ division: next.division ?? division, year: String(next.year ?? year) });

  return (
    <Flex vertical gap={16}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('registers.report.title')}
        {data ? ` · ${data.division.name}` : ''}
      </Typography.Title>
      <Space wrap>
        <div style={{ minWidth: 260 }} data-testid="report-division">
          <DivisionSelect
            levels={['county', 'township']}
            value={division}
            onChange={(code) => code && go({ division: code })}
          />
        </div>
        <Select
          value={year}
          onChange={(y) => go({ year: y })}
          options={years.map((y) => ({ value: y, label: t('registers.report.year', { year: y }) }))}
          style={{ width: 120 }}
          aria-label={t('registers.report.yearLabel')}
          data-testid="report-year"
        />
        <Button
          type="primary"
          icon={<DownloadOutlined />}
          disabled={!data}
          loading={download.isPending}
          onClick={() => download.mutate()}
          data-testid="report-download"
        >
          {t('registers.report.download')}
        </Button>
      </Space>
      <Typography.Text type="secondary">{t('registers.report.hint')}</Typography.Text>
      {report.error && <QueryError error={report.error} onRetry={() => void report.refetch()} />}
      {report.isLoading && <Spin />}
      {data && data.sections.length === 0 && <Empty />}
      {data?.sections.map((section, i) => {
        const edited = prose[section.key];
        return (
          <Card
            key={section.key}
            size="small"
            title={`${numbered(i, lang)}${section.title[lang]}`}
            data-testid={`report-section-${section.key}`}
            extra={
              edited !== undefined && (
                <Button
                  size="small"
                  icon={<UndoOutlined />}
                  onClick={() => setProse(({ [section.key]: _dropped, ...rest }) => rest)}
                >
                  {t('registers.report.restore')}
                </Button>
              )
            }
          >
            <Flex vertical gap={12}>
              <Input.TextArea
                value={edited ?? section.prose}
                onChange={(e) => setProse((p) => ({ ...p, [section.key]: e.target.value }))}
                autoSize={{ minRows: 3, maxRows: 12 }}
                maxLength={ANNUAL_REPORT_PROSE_MAX}
                showCount
                aria-label={t('registers.report.prose', { section: section.title[lang] })}
                data-testid={`report-prose-${section.key}`}
              />
              {section.figures.length > 0 && (
                <FigureTable figures={section.figures} year={data.year} />
              )}
              {section.tables.map((table) => (
                <DivisionTable key={table.key} table={table} />
              ))}
            </Flex>
          </Card>
        );
      })}
    </Flex>
  );
}
