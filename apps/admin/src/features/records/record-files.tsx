// The files of one village record (a meeting's minutes and photos, a disclosure's photo, a rules
// version's text): a 附件 button opening the list with downloads, an upload per purpose and remove.
import { useState } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { App, Button, Empty, Flex, Modal, Popconfirm, Progress, Typography, Upload } from 'antd';
import { DeleteOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import {
  MAX_RECORD_FILE_BYTES,
  recordFilePurposesOf,
  recordFileTypes,
  type RecordFileKind,
  type RecordFilePurpose,
} from '@fazhi/domain';
import { useLang } from '../../i18n';
import { queryClient, trpc } from '../../trpc';
import { QueryError } from '../../components/query-error';
import { useErrorText } from '../../components/use-error-text';
import { postFile, readEvidenceResponse } from '../campaigns/upload';

/** Uploads a file of a record; the server checks its content against the purpose. */
async function uploadRecordFile(
  kind: RecordFileKind,
  recordId: string,
  purpose: RecordFilePurpose,
  file: File,
  onProgress: (percent: number) => void,
) {
  const { status, body } = await postFile(
    `/api/records/${kind}/${recordId}/files?purpose=${purpose}`,
    file,
    file.type || 'application/octet-stream',
    { onProgress },
  );
  return readEvidenceResponse(status, body);
}

interface RecordFilesProps {
  kind: RecordFileKind;
  recordId: string;
  canWrite: boolean;
}

export function RecordFilesButton({ kind, recordId, canWrite }: RecordFilesProps) {
  const { t } = useLang();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button
        size="small"
        icon={<PaperClipOutlined />}
        onClick={() => setOpen(true)}
        data-testid={`files-${recordId}`}
      >
        {t('records.files.button')}
      </Button>
      {open && (
        <Modal
          open
          title={t('records.files.title')}
          footer={null}
          onCancel={() => setOpen(false)}
          width={520}
        >
          <RecordFiles kind={kind} recordId={recordId} canWrite={canWrite} />
        </Modal>
      )}
    </>
  );
}

function RecordFiles({ kind, recordId, canWrite }: RecordFilesProps) {
  const { t } = useLang();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [percent, setPercent] = useState<number | null>(null);
  const input = { recordKind: kind, recordId };
  const list = useQuery(trpc.recordFiles.list.queryOptions(input));
  const refresh = async () => {
    await queryClient.invalidateQueries(trpc.recordFiles.list.queryFilter(input));
    await queryClient.invalidateQueries(trpc.meetings.pathFilter());
    await queryClient.invalidateQueries(trpc.disclosures.pathFilter());
    await queryClient.invalidateQueries(trpc.villageRules.pathFilter());
  };
  const remove = useMutation(
    trpc.recordFiles.remove.mutationOptions({
      onSuccess: async () => {
        void message.success(t('records.files.removed'));
        await refresh();
      },
      onError: (error) => void message.error(errorText(error)),
    }),
  );
  const start = async (purpose: RecordFilePurpose, file: File) => {
    if (file.size > MAX_RECORD_FILE_BYTES) {
      void message.error(t('sheet.fileTooLarge'));
      return;
    }
    setPercent(0);
    const outcome = await uploadRecordFile(kind, recordId, purpose, file, setPercent);
    setPercent(null);
    if (outcome.ok) {
      void message.success(t('sheet.uploaded', { name: outcome.file.fileName }));
      await refresh();
    } else {
      void message.error(`${t('sheet.uploadFailed')}：${errorText(outcome.error)}`);
    }
  };
  if (list.error) return <QueryError error={list.error} onRetry={() => void list.refetch()} />;
  const files = list.data ?? [];
  return (
    <Flex vertical gap={8} data-testid="record-files">
      {!list.isLoading && files.length === 0 && (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('records.files.none')} />
      )}
      {files.map((f) => (
        <Flex key={f.id} gap={8} align="center" wrap="wrap" data-testid="record-file">
          <a href={`/api/evidence/${f.id}`} target="_blank" rel="noreferrer">
            <PaperClipOutlined /> {f.fileName}
          </a>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t(`records.files.purposes.${f.purpose}`)} · {Math.max(1, Math.round(f.size / 1024))} KB
          </Typography.Text>
          {canWrite && (
            <Popconfirm
              title={t('records.files.removeConfirm', { name: f.fileName })}
              okButtonProps={{ danger: true }}
              onConfirm={() => remove.mutate({ id: f.id })}
            >
              <Button
                size="small"
                type="link"
                danger
                icon={<DeleteOutlined />}
                loading={remove.isPending && remove.variables?.id === f.id}
              >
                {t('records.files.remove')}
              </Button>
            </Popconfirm>
          )}
        </Flex>
      ))}
      {canWrite &&
        (percent !== null ? (
          <Progress percent={percent} size="small" status="active" />
        ) : (
          <Flex gap={8} wrap="wrap">
            {recordFilePurposesOf[kind].map((purpose) => (
              <Upload
                key={purpose}
                accept={recordFileTypes[purpose].join(',')}
                showUploadList={false}
                beforeUpload={(file) => {
                  void start(purpose, file);
                  return false;
                }}
              >
                <Button icon={<UploadOutlined />} data-testid={`upload-${purpose}`}>
                  {t('records.files.upload', {
                    purpose: t(`records.files.purposes.${purpose}`),
                  })}
                </Button>
              </Upload>
            ))}
          </Flex>
        ))}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('records.files.hint')}
      </Typography.Text>
    </Flex>
  );
}
