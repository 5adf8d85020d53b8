// The photos of one 普法 activity: thumbnails opening the image, an upload (images only; the
// server checks the content, the size and the month's lock) and remove with a confirmation.
import { useState } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { App, Button, Empty, Flex, Modal, Popconfirm, Progress, Typography, Upload } from 'antd';
import { CameraOutlined, DeleteOutlined, UploadOutlined } from '@ant-design/icons';
import { MAX_RECORD_FILE_BYTES, maxPufaActivityPhotos, recordFileTypes } from '@fazhi/domain';
import { useLang } from '../../i18n';
import { queryClient, trpc } from '../../trpc';
import { QueryError } from '../../components/query-error';
import { useErrorText } from '../../components/use-error-text';
import { postFile, readEvidenceResponse } from '../campaigns/upload';

/** The 照片 (n) button of an activity row, opening its photos. */
export function PufaPhotosButton({
  activityId,
  count,
  canWrite,
}: {
  activityId: string;
  count: number;
  canWrite: boolean;
}) {
  const { t } = useLang();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button
        size="small"
        icon={<CameraOutlined />}
        onClick={() => setOpen(true)}
        data-testid={`photos-${activityId}`}
      >
        {t('pufa.photos')} {count}
      </Button>
      {open && (
        <Modal open title={t('pufa.photosTitle')} footer={null} onCancel={() => setOpen(false)}>
          <PufaPhotos activityId={activityId} canWrite={canWrite} />
        </Modal>
      )}
    </>
  );
}

export function PufaPhotos({ activityId, canWrite }: { activityId: string; canWrite: boolean }) {
  const { t } = useLang();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [percent, setPercent] = useState<number | null>(null);
  const list = useQuery(trpc.pufa.activityPhotos.queryOptions({ activityId }));
  const refresh = async () => {
    await queryClient.invalidateQueries(trpc.pufa.activityPhotos.queryFilter({ activityId }));
    await queryClient.invalidateQueries(trpc.pufa.listActivities.pathFilter());
  };
  const remove = useMutation(
    trpc.pufa.removeActivityPhoto.mutationOptions({
      onSuccess: async () => {
        void message.success(t('pufa.photoRemoved'));
        await refresh();
      },
      onError: (error) => void message.error(errorText(error)),
    }),
  );
  const start = async (file: File) => {
    if (file.size > MAX_RECORD_FILE_BYTES) {
      void message.error(
        t('pufa.photoTooLarge', { mb: Math.round(MAX_RECORD_FILE_BYTES / 1024 / 1024) }),
      );
      return;
    }
    setPercent(0);
    const { status, body } = await postFile(
      `/api/pufa/activities/${activityId}/photos`,
      file,
      file.type || 'application/octet-stream',
      { onProgress: setPercent },
    );
    const outcome = readEvidenceResponse(status, body);
    setPercent(null);
    if (outcome.ok) {
      void message.success(t('pufa.photoUploaded', { name: outcome.file.fileName }));
      await refresh();
    } else {
      void message.error(`${t('pufa.photoFailed')}：${errorText(outcome.error)}`);
    }
  };
  if (list.error) return <QueryError error={list.error} onRetry={() => void list.refetch()} />;
  const photos = list.data ?? [];
  return (
    <Flex vertical gap={8} data-testid="pufa-photos">
      {!list.isLoading && photos.length === 0 && (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('pufa.photosNone')} />
      )}
      <Flex gap={8} wrap="wrap">
        {photos.map((p) => (
          <Flex key={p.id} vertical gap={4} style={{ width: 120 }} data-testid="pufa-photo">
            <a href={`/api/evidence/${p.id}`} target="_blank" rel="noreferrer">
              <img
                src={`/api/evidence/${p.id}`}
                alt={p.fileName}
                loading="lazy"
                style={{ width: 120, height: 90, objectFit: 'cover', borderRadius: 4 }}
              />
            </a>
            <Typography.Text ellipsis style={{ fontSize: 12 }} title={p.fileName}>
              {p.fileName}
            </Typography.Text>
            {canWrite && (
              <Popconfirm
                title={t('pufa.photoRemoveConfirm', { name: p.fileName })}
                okButtonProps={{ danger: true }}
                onConfirm={() => remove.mutate({ id: p.id })}
              >
                <Button
                  size="small"
                  type="link"
                  danger
                  icon={<DeleteOutlined />}
                  loading={remove.isPending && remove.variables?.id === p.id}
                >
                  {t('pufa.photoRemove')}
                </Button>
              </Popconfirm>
            )}
          </Flex>
        ))}
      </Flex>
      {canWrite &&
        photos.length < maxPufaActivityPhotos &&
        (percent !== null ? (
          <Progress percent={percent} size="small" status="active" />
        ) : (
          <Upload
            accept={recordFileTypes.photo.join(',')}
            showUploadList={false}
            beforeUpload={(file) => {
              void start(file);
              return false;
            }}
          >
            <Button icon={<UploadOutlined />} data-testid="pufa-photo-upload">
              {t('pufa.photoUpload')}
            </Button>
          </Upload>
        ))}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('pufa.photosHint', { n: maxPufaActivityPhotos })}
      </Typography.Text>
    </Flex>
  );
}
