// A table on a wide screen, one card per row on a phone: the same columns, each shown as
// "title: value" in the card, so every list stays usable at 390 px without sideways scrolling.
import { cloneElement, isValidElement, type Key, type ReactNode } from 'react';
import {
  Card,
  Checkbox,
  Empty,
  Flex,
  Pagination,
  Spin,
  Table,
  Typography,
  type TableProps,
} from 'antd';
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

/**
 * Row selection on a phone, where the cards have no selection column: a checkbox on each card and
 * one for the page, reporting to the same `rowSelection.onChange` as the table does.
 */
function phoneSelection<T extends object>(
  rows: T[],
  rowKey: keyof T & string,
  selection: TableProps<T>['rowSelection'],
) {
  if (!selection) return null;
  const keyOf = (row: T) => row[rowKey] as Key;
  const chosen = new Set<Key>(selection.selectedRowKeys ?? []);
  const isSelectable = (row: T) => !selection.getCheckboxProps?.(row)?.disabled;
  const selectable = rows.filter(isSelectable);
  const report = (keys: Set<Key>) =>
    selection.onChange?.(
      [...keys],
      rows.filter((r) => keys.has(keyOf(r))),
      { type: 'multiple' },
    );
  const allChecked = selectable.length > 0 && selectable.every((r) => chosen.has(keyOf(r)));
  return {
    selectable,
    allChecked,
    someChecked: selectable.some((r) => chosen.has(keyOf(r))),
    isSelectable,
    isChecked: (row: T) => chosen.has(keyOf(row)),
    toggle(row: T, on: boolean) {
      const keys = new Set(chosen);
      if (on) keys.add(keyOf(row));
      else keys.delete(keyOf(row));
      report(keys);
    },
    toggleAll(on: boolean) {
      const keys = new Set(chosen);
      for (const r of selectable) {
        if (on) keys.add(keyOf(r));
        else keys.delete(keyOf(r));
      }
      report(keys);
    },
  };
}

export function ResponsiveTable<T extends object>(props: Props<T>) {
  const phone = usePhone();
  const { t } = useLang();
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
  const picking = phoneSelection(rows, rowKey, rowSelection);
  const titleColumn = columns.find((c) => c.cardTitle) ?? columns[0];
  const bodyColumns = columns.filter((c) => c !== titleColumn && !c.hideOnPhone);
  const spinning = typeof loading === 'object' ? !!loading.spinning : !!loading;
  return (
    <Spin spinning={spinning}>
      <Flex vertical gap={8} data-testid={props['data-testid']} className="fz-card-list">
        {picking && picking.selectable.length > 0 ? (
          <Checkbox
            checked={picking.allChecked}
            indeterminate={picking.someChecked && !picking.allChecked}
            onChange={(e) => picking.toggleAll(e.target.checked)}
            data-testid="select-page"
          >
            {t('app.selectAll')}
          </Checkbox>
        ) : null}
        {rows.length === 0
          ? ((locale?.emptyText as ReactNode) ?? <Empty />)
          : rows.map((row, index) => (
              <Card
                key={row[rowKey] as Key}
                size="small"
                data-row-key={String(row[rowKey])}
                title={titleColumn ? cellOf(titleColumn, row, index) : null}
                extra={
                  picking ? (
                    <Checkbox
                      aria-label={t('app.selectRow')}
                      checked={picking.isChecked(row)}
                      disabled={!picking.isSelectable(row)}
                      onChange={(e) => picking.toggle(row, e.target.checked)}
                    />
                  ) : null
                }
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
