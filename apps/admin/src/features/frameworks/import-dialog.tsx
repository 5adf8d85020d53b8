// 导入指标体系: choose a .json file or paste the JSON; it is checked in the browser with
// `validateFramework` as it changes, then sent to `frameworks.import`, whose problems (or version
// conflict) are listed the same way.
import { useDeferredValue, useMemo, useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { Alert, App, Button, Flex, Input, Modal, Table, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useLang } from '../../i18n';
import { localized } from '../../lib/errors';
import { queryClient, trpc } from '../../trpc';
import { useErrorText } from '../../components/use-error-text';
import {
  checkFrameworkText,
  importRefusal,
  itemCount,
  MAX_FRAMEWORK_BYTES,
  type FrameworkProblemRow,
  type ImportRefusal,
} from './framework-import';
import { formatPoints } from '@fazhi/domain';

interface Props {
  open: boolean;
  onClose(): void;
  /** Called with the new framework's id after a successful import. */
  onImported(id: string): void;
}

type FileProblem = 'onlyJson' | 'tooLarge' | 'readFailed';

export function ProblemTable({
  problems,
  testId,
}: {
  problems: readonly FrameworkProblemRow[];
  testId: string;
}) {
  const { t, lang } = useLang();
  return (
    <Table<FrameworkProblemRow>
      size="small"
      data-testid={testId}
      rowKey={(p) => `${p.path}|${p.message.zh}`}
      dataSource={[...problems]}
      pagination={problems.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
      columns={[
        {
          key: 'path',
          title: t('frameworks.problemPath'),
          width: 240,
          render: (_, p) =>
            p.path ? (
              <Typography.Text code>{p.path}</Typography.Text>
            ) : (
              <Typography.Text type="secondary">{t('frameworks.root')}</Typography.Text>
            ),
        },
        {
          key: 'message',
          title: t('frameworks.problemMessage'),
          render: (_, p) => localized(p.message, lang),
        },
      ]}
    />
  );
}

export function FrameworkImportDialog({ open, onClose, onImported }: Props) {
  const { t } = useLang();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [text, setText] = useState('');
  const [fileName, setFileName] = useState<string | null>(null);
  const [fileProblem, setFileProblem] = useState<FileProblem | null>(null);
  const [refused, setRefused] = useState<{ error: unknown; refusal: ImportRefusal } | null>(null);
  const importing = useMutation(trpc.frameworks.import.mutationOptions());

  // the check follows the text; typing in a long document stays responsive
  const deferred = useDeferredValue(text);
  const check = useMemo(() => checkFrameworkText(deferred), [deferred]);
  const checking = deferred !== text;

  const change = (next: string) => {
    setText(next);
    setRefused(null);
  };
  const reset = () => {
    setText('');
    setFileName(null);
    setFileProblem(null);
    setRefused(null);
    importing.reset();
  };
  const close = () => {
    if (importing.isPending) return;
    reset();
    onClose();
  };

  const choose = async (file: File) => {
    setFileName(null);
    if (!file.name.toLowerCase().endsWith('.json')) return setFileProblem('onlyJson');
    if (file.size > MAX_FRAMEWORK_BYTES) return setFileProblem('tooLarge');
    try {
      const content = await file.text();
      setFileProblem(null);
      setFileName(file.name);
      change(content);
    } catch {
      setFileProblem('readFailed');
    }
  };

  const start = () => {
    if (check.kind !== 'valid' || checking) return;
    setRefused(null);
    importing.mutate(
      { definition: check.definition },
      {
        onSuccess: (result) => {
          void message.success(
            t('frameworks.done', { code: result.code, version: result.version }),
          );
          void queryClient.invalidateQueries(trpc.frameworks.pathFilter());
          reset();
          onImported(result.id);
        },
        onError: (error) => setRefused({ error, refusal: importRefusal(error) }),
      },
    );
  };

  return (
    <Modal
      open={open}
      title={t('frameworks.importTitle')}
      onCancel={close}
      width={860}
      destroyOnHidden
      mask={{ closable: !importing.isPending }}
      closable={!importing.isPending}
      footer={[
        <Button key="cancel" onClick={close} disabled={importing.isPending}>
          {t('app.cancel')}
        </Button>,
        <Button
          key="start"
          type="primary"
          data-testid="framework-import-start"
          disabled={check.kind !== 'valid' || checking}
          loading={importing.isPending}
          onClick={start}
        >
          {t('frameworks.start')}
        </Button>,
      ]}
    >
      <Flex vertical gap={12}>
        <Alert type="info" showIcon title={t('frameworks.importHint')} />
        <Flex gap={8} align="center" wrap>
          <Upload
            accept=".json,application/json"
            showUploadList={false}
            beforeUpload={(file) => {
              void choose(file);
              return false;
            }}
          >
            <Button icon={<UploadOutlined />} data-testid="framework-file">
              {t('frameworks.chooseFile')}
            </Button>
          </Upload>
          {fileName ? (
            <Typography.Text type="secondary">
              {t('frameworks.fromFile', { name: fileName })}
            </Typography.Text>
          ) : null}
          {text ? (
            <Button
              type="link"
              onClick={() => {
                setFileName(null);
                change('');
              }}
            >
              {t('frameworks.clear')}
            </Button>
          ) : null}
        </Flex>
        {fileProblem ? (
          <Alert
            type="error"
            showIcon
            title={
              fileProblem === 'tooLarge'
                ? t('frameworks.fileTooLarge', { size: MAX_FRAMEWORK_BYTES / 1024 / 1024 })
                : t(`frameworks.${fileProblem}`)
            }
          />
        ) : null}
        <Input.TextArea
          aria-label={t('frameworks.pasteLabel')}
          placeholder={t('frameworks.pastePlaceholder')}
          data-testid="framework-json"
          value={text}
          onChange={(e) => {
            setFileName(null);
            change(e.target.value);
          }}
          autoSize={{ minRows: 6, maxRows: 14 }}
          spellCheck={false}
          style={{ fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace' }}
        />

        <div data-testid="framework-check">
          {check.kind === 'notJson' ? (
            <Alert
              type="error"
              showIcon
              title={
                check.line === null
                  ? t('frameworks.notJsonAnywhere')
                  : t('frameworks.notJson', { line: check.line })
              }
            />
          ) : null}
          {check.kind === 'invalid' ? (
            <Flex vertical gap={8}>
              <Alert
                type="error"
                showIcon
                title={t('frameworks.localProblems', { count: check.problems.length })}
              />
              <ProblemTable problems={check.problems} testId="framework-local-problems" />
            </Flex>
          ) : null}
          {check.kind === 'valid' ? (
            <Alert
              type="success"
              showIcon
              title={t('frameworks.checkOk', {
                name: check.framework.name,
                code: check.framework.code,
                version: check.framework.version,
                areas: check.framework.areas.length,
                items: itemCount(check.framework),
                points: formatPoints(check.framework.totalPoints),
              })}
            />
          ) : null}
        </div>

        {refused ? (
          <div data-testid="framework-server-result">
            {refused.refusal.versionExists ? (
              <Alert
                type="warning"
                showIcon
                title={t('frameworks.versionExists')}
                description={
                  <>
                    <div>{errorText(refused.error)}</div>
                    <div>{t('frameworks.versionExistsHint')}</div>
                  </>
                }
              />
            ) : (
              <Flex vertical gap={8}>
                <Alert
                  type="error"
                  showIcon
                  title={t('frameworks.failed')}
                  description={errorText(refused.error)}
                />
                {refused.refusal.problems.length > 0 ? (
                  <>
                    <Typography.Text strong>
                      {t('frameworks.serverProblems', { count: refused.refusal.problems.length })}
                    </Typography.Text>
                    <ProblemTable
                      problems={refused.refusal.problems}
                      testId="framework-server-problems"
                    />
                  </>
                ) : null}
              </Flex>
            )}
          </div>
        ) : null}
      </Flex>
    </Modal>
  );
}
