// 批量验收 and 批量公示: the county previews which villages will change and which cannot (with the
// reason the single action would give), then applies the change to all of them at once.
import { useState } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, App, Button, List, Modal, Typography } from 'antd';
import { useLang } from '../../i18n';
import { localized } from '../../lib/errors';
import { queryClient, trpc } from '../../trpc';
import { QueryError } from '../../components/query-error';
import { PageLoading } from '../../components/page-loading';
import { useErrorText } from '../../components/use-error-text';
import type { Campaign } from './model';
import { subjectWords } from './subject-words';

type BulkEvent = 'accept' | 'post';

/** The bulk action a campaign's stage offers, if any. */
function bulkEventOf(campaign: Campaign): BulkEvent | null {
  if (campaign.stage === 'county_acceptance') return 'accept';
  if (campaign.stage === 'public_notice') return 'post';
  return null;
}

export function BulkActionButton({ campaign }: { campaign: Campaign }) {
  const { t } = useLang();
  const [open, setOpen] = useState(false);
  const event = bulkEventOf(campaign);
  if (!event) return null;
  return (
    <>
      <Button onClick={() => setOpen(true)} data-testid={`bulk-${event}`}>
        {t(`campaigns.bulk.${event}`)}
      </Button>
      {open ? (
        <BulkDialog campaign={campaign} event={event} onClose={() => setOpen(false)} />
      ) : null}
    </>
  );
}

function BulkDialog({
  campaign,
  event,
  onClose,
}: {
  campaign: Campaign;
  event: BulkEvent;
  onClose(): void;
}) {
  const { t, lang } = useLang();
  const words = subjectWords(campaign.subjectLevel, lang);
  const { message } = App.useApp();
  const errorText = useErrorText();
  const preview = useQuery({
    ...trpc.participations.bulkPreview.queryOptions({ campaignId: campaign.id, event }),
    staleTime: 0,
    gcTime: 0,
  });
  const apply = useMutation(trpc.participations.bulkTransition.mutationOptions());
  const changes = preview.data?.changes ?? [];
  const refused = preview.data?.refused ?? [];

  const doApply = () =>
    apply.mutate(
      {
        campaignId: campaign.id,
        event,
        items: changes.map(({ id, version }) => ({ id, version })),
      },
      {
        onSuccess: (done) => {
          void message.success(t(`campaigns.bulk.done.${event}`, { count: done.length, ...words }));
          void queryClient.invalidateQueries(trpc.campaigns.pathFilter());
          void queryClient.invalidateQueries(trpc.participations.pathFilter());
          onClose();
        },
        onError: () => void preview.refetch(),
      },
    );

  return (
    <Modal
      open
      title={t(`campaigns.bulk.${event}`)}
      onCancel={onClose}
      okText={t(`campaigns.bulk.confirm.${event}`, { count: changes.length, ...words })}
      cancelText={t('app.cancel')}
      okButtonProps={{ disabled: changes.length === 0, loading: apply.isPending }}
      onOk={doApply}
      destroyOnHidden
      data-testid="bulk-dialog"
    >
      {preview.isPending ? <PageLoading /> : null}
      {preview.isError ? <QueryError error={preview.error} /> : null}
      {apply.isError ? (
        <Alert type="error" showIcon style={{ marginBottom: 12 }} title={errorText(apply.error)} />
      ) : null}
      {preview.isSuccess ? (
        <>
          <Typography.Title level={5} data-testid="bulk-changes-title">
            {t('campaigns.bulk.willChange', { count: changes.length, ...words })}
          </Typography.Title>
          <List
            size="small"
            data-testid="bulk-changes"
            dataSource={changes}
            locale={{ emptyText: t('campaigns.bulk.nothing', words) }}
            renderItem={(c) => (
              <List.Item>
                {c.villageName}：{t(`campaigns.states.${c.from}`)} → {t(`campaigns.states.${c.to}`)}
              </List.Item>
            )}
          />
          {refused.length > 0 ? (
            <>
              <Typography.Title level={5} style={{ marginTop: 16 }}>
                {t('campaigns.bulk.cannot', { count: refused.length, ...words })}
              </Typography.Title>
              <List
                size="small"
                data-testid="bulk-refused"
                dataSource={refused}
                renderItem={(r) => (
                  <List.Item>
                    {r.villageName}：{localized(r.reason, lang)}
                  </List.Item>
                )}
              />
            </>
          ) : null}
        </>
      ) : null}
    </Modal>
  );
}
