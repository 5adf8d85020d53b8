// 公示: the printable list of villages to post (序号 / 乡镇（街道） / 村（社区） / 得分), with the
// notice period, where objections go, the issuing body and the date, a QR code of the public
// address (no login), a 打印 button and the same list as an .xlsx file. Print styles hide the
// navigation.
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Empty, Flex, Space, Table, Typography } from 'antd';
import { DownloadOutlined, EditOutlined, PrinterOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router';
import { useLang } from '../../i18n';
import { trpc } from '../../trpc';
import { PageLoading } from '../../components/page-loading';
import { QueryError } from '../../components/query-error';
import { CampaignLinks } from './campaign-detail-page';
import { formatPoints } from '@fazhi/domain';
import { canRunCampaigns } from './model';
import { useMe } from '../auth/me-context';
import { NoticeParticularsDialog } from './notice-particulars-dialog';

/** 2026-10-16 → 2026年10月16日 (Chinese) or as it is (English). */
function noticeDate(iso: string, lang: string): string {
  if (lang === 'en') return iso;
  const [y, m, d] = iso.split('-');
  return `${y}年${Number(m)}月${Number(d)}日`;
}

type NoticeRow = {
  villageCode: string;
  villageName: string;
  townshipName: string;
  total: number | null;
};

export function NoticePage() {
  const { id = '' } = useParams();
  const { t, lang } = useLang();
  const me = useMe();
  const [editing, setEditing] = useState(false);
  const notice = useQuery(trpc.campaigns.noticeList.queryOptions({ id }));
  if (notice.isPending) return <PageLoading />;
  if (notice.isError)
    return <QueryError error={notice.error} onRetry={() => void notice.refetch()} />;
  const { campaign, rows, particulars, publicPath } = notice.data;
  const publicUrl = publicPath ? `${window.location.origin}${publicPath}` : null;
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
          {canRunCampaigns(me.role) ? (
            <Button
              icon={<EditOutlined />}
              onClick={() => setEditing(true)}
              data-testid="notice-edit"
            >
              {t('notice.editParticulars')}
            </Button>
          ) : null}
          <Button icon={<PrinterOutlined />} type="primary" onClick={() => window.print()}>
            {t('notice.print')}
          </Button>
          <a href={`/api/campaigns/${id}/notice.xlsx`} download>
            <Button icon={<DownloadOutlined />}>{t('notice.download')}</Button>
          </a>
        </Space>
      </Flex>
      {!particulars.complete && canRunCampaigns(me.role) ? (
        <Alert
          type="warning"
          showIcon
          className="fz-no-print"
          style={{ marginBottom: 16 }}
          title={t('notice.incomplete')}
        />
      ) : null}
      <NoticeParticularsDialog
        campaignId={id}
        current={particulars}
        open={editing}
        onClose={() => setEditing(false)}
      />
      <Card variant="borderless" className="fz-print-sheet">
        <Typography.Title level={3} style={{ textAlign: 'center' }} data-testid="notice-title">
          {t('notice.heading', { name: campaign.name })}
        </Typography.Title>
        <Typography.Paragraph style={{ textIndent: '2em' }} data-testid="notice-intro">
          {t('notice.introPosted')}
          {particulars.periodStart && particulars.periodEnd
            ? t('notice.period', {
                start: noticeDate(particulars.periodStart, lang),
                end: noticeDate(particulars.periodEnd, lang),
                days: particulars.days,
              })
            : t('notice.periodDaysOnly', { days: particulars.days })}
          {particulars.contact
            ? t('notice.contact', { contact: particulars.contact })
            : t('notice.contactMissing')}
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
        <div style={{ textAlign: 'right', marginTop: 32 }} data-testid="notice-sign">
          <div>{particulars.issuer ?? t('notice.issuerMissing')}</div>
          <div>
            {particulars.issuedOn
              ? noticeDate(particulars.issuedOn, lang)
              : t('notice.dateMissing')}
          </div>
        </div>
        {publicPath && publicUrl ? (
          <Flex align="center" gap={12} style={{ marginTop: 24 }} data-testid="notice-qr">
            <img src={`${publicPath}/qr.svg`} alt={t('notice.qrCaption')} width={96} height={96} />
            <div>
              <div>{t('notice.qrCaption')}</div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('notice.publicLink')}：
                <a href={publicUrl} target="_blank" rel="noreferrer">
                  {publicUrl}
                </a>
              </Typography.Text>
            </div>
          </Flex>
        ) : null}
      </Card>
    </>
  );
}
