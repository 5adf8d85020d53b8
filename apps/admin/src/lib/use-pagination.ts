// The page and page size of a server-paged table, and the antd pagination that drives them: a
// new page size starts again at page 1, and the total reads “共 N 条”.
import { useState } from 'react';
import type { TablePaginationConfig } from 'antd';
import { useLang } from '../i18n';

export function usePagination(initialPageSize = 20) {
  const { t } = useLang();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(initialPageSize);
  return {
    page,
    pageSize,
    /** Back to the first page (after a filter changes). */
    toFirstPage: () => setPage(1),
    /** The table's `pagination` for `total` rows. */
    tablePagination: (total: number): TablePaginationConfig => ({
      current: page,
      pageSize,
      total,
      showSizeChanger: true,
      showTotal: (count) => t('app.total', { count }),
      onChange: (nextPage, nextSize) => {
        setPage(nextSize === pageSize ? nextPage : 1);
        setPageSize(nextSize);
      },
    }),
  };
}
