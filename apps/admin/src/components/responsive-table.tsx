// A table on a wide screen, one card per row on a phone: the same columns, each shown as
// "title: value" in the card, so every list stays usable at 390 px without sideways scrolling.
import { cloneElement, isValidElement, type Key, type ReactNode } from 'react';
import { Card, Empty, Flex, Pagination, Spin, Table, Typography, type TableProps } from 'antd';
import type { ColumnType } from 'antd/es/table';
import { usePhone } from '../lib/use-compact';
import { useLang } from '../i18n';

export type ResponsiveColumn<T> = ColumnType<T> & {
  /** Shown as the card's title on a phone (the first such column). */
  cardTitle?: boolean;
  /** Left out of the card on a phone. */
  hideOnPhone?: boolean;
};

interface Props<T> extends Omit<TableProps<T>, 'columns' | 'rowKey'> {
  columns: ResponsiveColumn<T>[];
  rowKey: keyof T & string;
  'data-testid'?: string;
}

function cellOf<T>(column: ResponsiveColumn<T>, row: T, index: number): ReactNode {
  const value =
    column.dataIndex !== undefined
      ? (row as Record<string, unknown>)[String(column.dataIndex as string)]
      : undefined;
  if (column.render) return column.render(value, row, index) as ReactNode;
  return value as ReactNode;
}

/**
 * antd names its selection checkboxes in English ("Select all", "Select row 1") whatever the
 * locale; name them in the chosen language.
 */
function useLocalizedSelection<T>(
  selection: TableProps<T>['rowSelection'],
): TableProps<T>['rowSelection'] {
  const { t } = useLang();
  if (!selection) return selection;
  const { getCheckboxProps } = selection;
  return {
    columnTitle: (checkbox: ReactNode) =>
      isValidElement<{ 'aria-label'?: string }>(checkbox)
        ? cloneElement(checkbox, { 'aria-label': t('app.selectAll') })
        : checkbox,
    ...selection,
    getCheckboxProps: (row: T) => ({
      'aria-label': t('app.selectRow'),
      ...getCheckboxProps?.(row),
    }),
  };
}

export function ResponsiveTable<T extends object>(props: Props<T>) {
  const phone = usePhone();
  const { columns, rowKey, dataSource, loading, pagination, locale, rowSelection, ...rest } = props;
  const selection = useLocalizedSelection(rowSelection);
  if (!phone) {
    return (
      <Table<T>
        {...rest}
        rowSelection={selection}
        rowKey={rowKey}
        columns={columns}
        dataSource={dataSource}
        loading={loading}
        pagination={pagination}
        locale={locale}
      />
    );
  }
  const rows = [...(dataSource ?? [])];
  const titleColumn = columns.find((c) => c.cardTitle) ?? columns[0];
  const bodyColumns = columns.filter((c) => c !== titleColumn && !c.hideOnPhone);
  const spinning = typeof loading === 'object' ? !!loading.spinning : !!loading;
  return (
    <Spin spinning={spinning}>
      <Flex vertical gap={8} data-testid={props['data-testid']} className="fz-card-list">
        {rows.length === 0
          ? ((locale?.emptyText as ReactNode) ?? <Empty />)
          : rows.map((row, index) => (
              <Card
                key={row[rowKey] as Key}
                size="small"
                data-row-key={String(row[rowKey])}
                title={titleColumn ? cellOf(titleColumn, row, index) : null}
                styles={{ title: { whiteSpace: 'normal' } }}
              >
                {bodyColumns.map((column, i) => {
                  const cell = cellOf(column, row, index);
                  if (cell === null || cell === undefined || cell === '') return null;
                  return (
                    <Flex key={String(column.key ?? i)} gap={8} style={{ padding: '2px 0' }}>
                      {column.title ? (
                        <Typography.Text type="secondary" style={{ flex: '0 0 6em' }}>
                          {column.title as ReactNode}
                        </Typography.Text>
                      ) : null}
                      <div style={{ flex: 1, minWidth: 0, overflowWrap: 'anywhere' }}>{cell}</div>
                    </Flex>
                  );
                })}
              </Card>
            ))}
        {pagination && pagination.total && pagination.total > (pagination.pageSize ?? 10) ? (
          <Pagination simple {...pagination} showSizeChanger={false} showTotal={undefined} />
        ) : null}
      </Flex>
    </Spin>
  );
}
