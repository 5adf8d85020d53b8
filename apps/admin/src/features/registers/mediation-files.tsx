// The files of one mediation case (调解协议书 scans, PDFs, images, Word documents): a list opening
// each file, an upload (the server checks the content, the size and the months' lock) and remove
// with a confirmation. A settled written agreement without a file is marked on its row.
import { useState } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { App, Button, Empty, Flex, Modal, Popconfirm, Progress, Typography, Upload } from 'antd';
import { DeleteOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import {
  MAX_RECORD_FILE_BYTES,
  maxMediationCaseFiles,
  mediationCaseFileTypes,
} from '@fazhi/domain';
import { useLang } from '../../i18n';
import { queryClient, trpc } from '../../trpc';
import { QueryError } from '../../components/query-error';
import { useErrorText } from '../../components/use-error-text';
import { postFile, readEvidenceResponse } from '../campaigns/upload';

/** The 附件 (n) button of a case row, opening its files. */
export function CaseFilesButton({
  caseId,
  count,
  canWrite,
}: {
  caseId: string;
  count: number;
  canWrite: boolean;
}) {
  const { t } = useLang();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button
        size="small"
        icon={<PaperClipOutlined />}
        onClick={() => setOpen(true)}
        data-testid={`case-files-${caseId}`}
      >
        {t('registers.files.button')} {count}
      </Button>
      {open && (
        <Modal
          open
          title={t('registers.files.title')}
          footer={null}
          onCancel={() => setOpen(false)}
        >
          <CaseFiles caseId={caseId} canWrite={canWrite} />
        </Modal>
      )}
    </>
  );
}

export function CaseFiles({ caseId, canWrite }: { caseId: string; canWrite: boolean }) {
  const { t } = useLang();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [percent, setPercent] = useState<number | null>(null);
  const list = useQuery(trpc.mediation.files.queryOptions({ caseId }));
  const refresh = async () => {
    await queryClient.invalidateQueries(trpc.mediation.files.queryFilter({ caseId }));
    await queryClient.invalidateQueries(trpc.mediation.list.pathFilter());
  };
  const remove = useMutation(
    trpc.mediation.removeFile.mutationOptions({
      onSuccess: async () => {
        void message.success(t('registers.files.removed'));
        await refresh();
      },
      onError: (error) => void message.error(errorText(error)),
    }),
  );
  const start = async (file: File) => {
    if (file.size > MAX_RECORD_FILE_BYTES) {
      void message.error(
        t('registers.files.tooLarge', { mb: Math.round(MAX_RECORD_FILE_BYTES / 1024 / 1024) }),
      );
      return;
    }
    setPercent(0);
    const { status, body } = await postFile(
      `/api/mediation/cases/${caseId}/files`,
      file,
      file.type || 'application/octet-stream',
      { onProgress: setPercent },
    );
    const outcome = readEvidenceResponse(status, body);
    setPercent(null);
    if (outcome.ok) {
      void message.success(t('registers.files.uploaded', { name: outcome.file.fileName }));
      await refresh();
    } else {
      void message.error(`${t('registers.files.failed')}：${errorText(outcome.error)}`);
    }
  };
  if (list.error) return <QueryError error={list.error} onRetry={() => void list.refetch()} />;
  const files = list.data ?? [];
  return (
    <Flex vertical gap={8} data-testid="case-files">
      {!list.isLoading && files.length === 0 && (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('registers.files.none')} />
      )}
      {files.map((f) => (
        <Flex key={f.id} gap={8} align="center" wrap="wrap" data-testid="case-file">
          <Typography.Link
            href={`/api/evidence/${f.id}`}
            target="_blank"
            rel="noreferrer"
            ellipsis
            style={{ maxWidth: 240 }}
          >
            {f.fileName}
          </Typography.Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {Math.max(1, Math.round(f.size / 1024))} KB
          </Typography.Text>
          {canWrite && (
            <Popconfirm
              title={t('registers.files.removeConfirm', { name: f.fileName })}
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
                {t('registers.files.remove')}
              </Button>
            </Popconfirm>
          )}
        </Flex>
      ))}
      {canWrite &&
        files.length < maxMediationCaseFiles &&
        (percent !== null ? (
          <Progress percent={percent} size="small" status="active" />
        ) : (
          <Upload
            accept={[...mediationCaseFileTypes, '.docx'].join(',')}
            showUploadList={false}
            beforeUpload={(file) => {
              void start(file);
              return false;
            }}
          >
            <Button icon={<UploadOutlined />} data-testid="case-file-upload">
              {t('registers.files.upload')}
            </Button>
          </Upload>
        ))}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('registers.files.hint', { n: maxMediationCaseFiles })}
      </Typography.Text>
    </Flex>
  );
}
