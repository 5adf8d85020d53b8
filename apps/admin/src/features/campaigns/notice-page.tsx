// 公示: the printable list of villages to post (序号 / 乡镇（街道） / 村（社区） / 得分), with a
// 打印 button and the same list as an .xlsx file. Print styles hide the navigation.
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Empty, Flex, Space, Table, Typography } from 'antd';
import { DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router';
import { useLang } from '../../i18n';
import { trpc } from '../../trpc';
import { PageLoading } from '../../components/page-loading';
import { QueryError } from '../../components/query-error';
import { CampaignLinks } from './campaign-detail-page';
import { formatPoints } from './model';

type NoticeRow = {
  villageCode: string;
  villageName: string;
  townshipName: string;
  total: number | null;
};

export function NoticePage() {
  const { id = '' } = useParams();
  const { t } = useLang();
  const notice = useQuery(trpc.campaigns.noticeList.queryOptions({ id }));
  if (notice.isPending) return <PageLoading />;
  if (notice.isError)
    return <QueryError error={notice.error} onRetry={() => void notice.refetch()} />;
  const { campaign, rows } = notice.data;
  return (
    <>
      <Flex
        justify="space-between"
        align="center"
        wrap
        gap={8}
        style={{ marginBottom: 16 }}
        className="fz-no-print"
      >
        <Link to={`/campaigns/${id}`}>← {campaign.name}</Link>
        <Space wrap>
          <CampaignLinks id={id} current="notice" />
          <Button icon={<PrinterOutlined />} type="primary" onClick={() => window.print()}>
            {t('notice.print')}
          </Button>
          <a href={`/api/campaigns/${id}/notice.xlsx`} download>
            <Button icon={<DownloadOutlined />}>{t('notice.download')}</Button>
          </a>
        </Space>
      </Flex>
      <Card variant="borderless" className="fz-print-sheet">
        <Typography.Title level={3} style={{ textAlign: 'center' }} data-testid="notice-title">
          {t('notice.heading', { name: campaign.name })}
        </Typography.Title>
        <Typography.Paragraph style={{ textIndent: '2em' }}>
          {t('notice.intro', { days: campaign.noticeDays })}
        </Typography.Paragraph>
        <Table<NoticeRow>
          rowKey="villageCode"
          size="small"
          bordered
          pagination={false}
          dataSource={rows}
          data-testid="notice-table"
          locale={{ emptyText: <Empty description={t('notice.empty')} /> }}
          columns={[
            {
              key: 'index',
              title: t('notice.index'),
              width: 70,
              align: 'center',
              render: (_, __, i) => i + 1,
            },
            { key: 'township', title: t('notice.township'), dataIndex: 'townshipName' },
            { key: 'village', title: t('notice.village'), dataIndex: 'villageName' },
            {
              key: 'score',
              title: t('notice.score'),
              align: 'right',
              width: 100,
              render: (_, r) => formatPoints(r.total),
            },
          ]}
        />
      </Card>
    </>
  );
}
