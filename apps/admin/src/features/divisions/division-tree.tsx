// A lazy-loading tree rooted at the user's scope: the scope division itself (its children loaded
// at once), or for the whole deployment the provinces.
import { useMemo, useState, type Key } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Empty, Flex, Tree, Typography, type TreeDataNode } from 'antd';
import { useLang } from '../../i18n';
import { WHOLE_DEPLOYMENT } from '../../lib/roles';
import { queryClient, trpc } from '../../trpc';
import { PageLoading } from '../../components/page-loading';
import { QueryError } from '../../components/query-error';
import { LevelTag } from '../../components/level-tag';
import type { Division } from '../../types';

export interface DivisionSelection {
  code: string;
  parentName: string | null;
}

interface Props {
  scopeCode: string;
  selectedCode: string | null;
  onSelect(selection: DivisionSelection): void;
}

function title(d: Division) {
  return (
    <Flex component="span" gap={6} align="center" style={{ display: 'inline-flex' }}>
      <span>{d.name}</span>
      <LevelTag level={d.level} />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {d.code}
      </Typography.Text>
    </Flex>
  );
}

export function DivisionTree({ scopeCode, selectedCode, onSelect }: Props) {
  const { t } = useLang();
  const whole = scopeCode === WHOLE_DEPLOYMENT;
  // The root: the scope division, or the provinces of the whole deployment.
  const root = useQuery({
    ...trpc.divisions.get.queryOptions({ code: scopeCode }),
    enabled: !whole,
  });
  const top = useQuery(trpc.divisions.children.queryOptions({ parentCode: scopeCode }));
  const [loaded, setLoaded] = useState<Record<string, Division[]>>({});
  const [expanded, setExpanded] = useState<Key[]>(whole ? [] : [scopeCode]);

  const byCode = useMemo(() => {
    const map = new Map<string, Division>();
    if (root.data) map.set(root.data.code, root.data);
    for (const d of top.data ?? []) map.set(d.code, d);
    for (const list of Object.values(loaded)) for (const d of list) map.set(d.code, d);
    return map;
  }, [root.data, top.data, loaded]);

  const treeData = useMemo(() => {
    const build = (d: Division): TreeDataNode => {
      const kids = d.code === scopeCode ? top.data : loaded[d.code];
      return {
        key: d.code,
        title: title(d),
        isLeaf: d.childCount === 0,
        ...(kids ? { children: kids.map(build) } : {}),
      };
    };
    if (whole) return (top.data ?? []).map(build);
    return root.data ? [build(root.data)] : [];
  }, [whole, root.data, top.data, loaded, scopeCode]);

  const loadData = async (node: TreeDataNode) => {
    const code = String(node.key);
    if (code === scopeCode || loaded[code]) return;
    const kids = await queryClient.fetchQuery(
      trpc.divisions.children.queryOptions({ parentCode: code }),
    );
    setLoaded((prev) => ({ ...prev, [code]: kids }));
  };

  const failed = root.error ?? top.error;
  if (failed) {
    return (
      <QueryError
        error={failed}
        onRetry={() => {
          void root.refetch();
          void top.refetch();
        }}
      />
    );
  }
  if ((!whole && root.isPending) || top.isPending) return <PageLoading />;
  if (treeData.length === 0) {
    return <Empty description={t('divisions.empty')} />;
  }

  return (
    <Tree
      blockNode
      showLine
      treeData={treeData}
      loadData={loadData}
      expandedKeys={expanded}
      onExpand={(keys) => setExpanded(keys)}
      selectedKeys={selectedCode ? [selectedCode] : []}
      onSelect={(keys) => {
        const code = keys[0] === undefined ? null : String(keys[0]);
        if (!code) return;
        const d = byCode.get(code);
        const parent = d?.parentCode ? byCode.get(d.parentCode) : undefined;
        onSelect({ code, parentName: parent?.name ?? null });
      }}
      style={{ background: 'transparent' }}
      data-testid="division-tree"
    />
  );
}
