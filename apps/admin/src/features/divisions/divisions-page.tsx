import { useState } from 'react';
import { Button, Card, Col, Flex, Input, Row, Typography } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useLang } from '../../i18n';
import { canImportDivisions } from '../../lib/roles';
import { queryClient, trpc } from '../../trpc';
import { useMe } from '../auth/me-context';
import { DivisionDetail } from './division-detail';
import { DivisionSearchResults } from './division-search-results';
import { DivisionTree, type DivisionSelection } from './division-tree';
import { ImportDialog } from './import-dialog';

export function DivisionsPage() {
  const { t } = useLang();
  const me = useMe();
  const [q, setQ] = useState('');
  const [selection, setSelection] = useState<DivisionSelection | null>(null);
  const [importing, setImporting] = useState(false);
  // A new tree after an import, so that expanded branches reload.
  const [treeVersion, setTreeVersion] = useState(0);

  const onImported = () => {
    void queryClient.invalidateQueries(trpc.divisions.pathFilter());
    void queryClient.invalidateQueries(trpc.dashboard.pathFilter());
    setTreeVersion((v) => v + 1);
  };

  return (
    <>
      <Flex justify="space-between" align="center" style={{ marginBottom: 16 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('divisions.title')}
        </Typography.Title>
        {canImportDivisions(me.role) ? (
          <Button type="primary" icon={<UploadOutlined />} onClick={() => setImporting(true)}>
            {t('divisions.import')}
          </Button>
        ) : null}
      </Flex>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card variant="borderless">
            <Input.Search
              allowClear
              placeholder={t('divisions.searchPlaceholder')}
              onSearch={(value) => setQ(value.trim())}
              onChange={(e) => {
                if (e.target.value === '') setQ('');
              }}
              style={{ marginBottom: 16 }}
              aria-label={t('divisions.searchPlaceholder')}
            />
            {q ? (
              <>
                <Typography.Text strong>{t('divisions.searchResults')}</Typography.Text>
                <DivisionSearchResults
                  q={q}
                  selectedCode={selection?.code ?? null}
                  onSelect={setSelection}
                />
              </>
            ) : (
              <DivisionTree
                key={treeVersion}
                scopeCode={me.scopeCode}
                selectedCode={selection?.code ?? null}
                onSelect={setSelection}
              />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card title={t('divisions.detail')} variant="borderless">
            <DivisionDetail selection={selection} />
          </Card>
        </Col>
      </Row>
      <ImportDialog open={importing} onClose={() => setImporting(false)} onImported={onImported} />
    </>
  );
}
