import { useRouteRef, useTranslationRef } from '@greenroom/frontend-plugin-api';
import { useStarredEntities } from '@greenroom/plugin-catalog-react';
import type { EntityFilterQuery } from '@greenroom/plugin-catalog-react';
import { Content, EmptyState, ErrorPanel, Header, Page, Progress } from '@greenroom/ui';
import AddIcon from '@mui/icons-material/Add';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import TablePagination from '@mui/material/TablePagination';
import Typography from '@mui/material/Typography';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Link as RouterLink, useSearchParams } from 'react-router';
import { createComponentRouteRef } from '../../routes';
import { catalogTranslationRef } from '../../translation/catalogTranslationRef';
import { buildEntityFilter } from './buildEntityFilter';
import { CatalogFilterPanel } from './CatalogFilterPanel';
import { CatalogTable } from './CatalogTable';
import { columnsForKind } from './catalogColumns';
import {
  DEFAULT_KIND,
  readCatalogFilters,
  readCatalogSort,
  writeCatalogQuery,
} from './catalogFilters';
import type { CatalogFilters, CatalogSort, UserListFilter } from './catalogFilters';
import { useCatalogFacets } from './useCatalogFacets';
import { useEntityListPage } from './useEntityListPage';
import { useOwnershipRefs } from './useOwnershipRefs';
import { useUserListCounts } from './useUserListCounts';

const PAGE_SIZES = [20, 50, 100];

/** `/catalog`: filters on the left, one server-side page of entities on the right. */
export function CatalogIndexPage() {
  const { t } = useTranslationRef(catalogTranslationRef);
  const createComponent = useRouteRef(createComponentRouteRef);
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => readCatalogFilters(params), [params]);
  const sort = useMemo(() => readCatalogSort(params), [params]);
  const [pageSize, setPageSize] = useState(PAGE_SIZES[0]);
  const ownershipRefs = useOwnershipRefs();
  const stars = useStarredEntities();

  const update = useCallback(
    (change: Partial<CatalogFilters>, nextSort?: CatalogSort) => {
      setParams(
        current =>
          writeCatalogQuery(
            { ...readCatalogFilters(current), ...change },
            nextSort ?? readCatalogSort(current),
          ),
        { replace: true },
      );
    },
    [setParams],
  );

  const filterFor = (list: UserListFilter): EntityFilterQuery | null | undefined => {
    // Only Owned and Starred need the user's refs and stars; All (the default) does not wait
    // for them, so its first page is requested at once.
    if (list !== 'all' && (ownershipRefs === undefined || !stars.ready)) return undefined;
    return buildEntityFilter(filters, {
      list,
      ownershipRefs: ownershipRefs ?? [],
      starredRefs: stars.starredEntityRefs,
    });
  };
  const page = useEntityListPage({
    filter: filterFor(filters.user),
    fullText: filters.text,
    sort,
    pageSize,
  });
  const counts = useUserListCounts(
    { owned: filterFor('owned'), starred: filterFor('starred'), all: filterFor('all') },
    filters.text,
  );
  // The table's first page is requested before the facets: at 100k entities the kind-scoped
  // facets cost a few hundred ms, and on SQLite the table's request would queue behind them.
  const [tableLoadedOnce, setTableLoadedOnce] = useState(false);
  useEffect(() => {
    if (!page.loading) setTableLoadedOnce(true);
  }, [page.loading]);
  const facets = useCatalogFacets(filters.kind, tableLoadedOnce);
  const kindLabel =
    facets.kinds.find(k => k.value.toLocaleLowerCase('en-US') === filters.kind)?.value ??
    filters.kind;

  return (
    <Page>
      <Header title={t('index.title')} subtitle={t('index.subtitle')}>
        {createComponent && (
          <Button
            variant="contained"
            component={RouterLink}
            to={createComponent()}
            startIcon={<AddIcon />}
          >
            {t('index.create')}
          </Button>
        )}
      </Header>
      <Content>
        <Box
          sx={{
            display: 'grid',
            gap: 3,
            gridTemplateColumns: { xs: 'minmax(0, 1fr)', md: '280px minmax(0, 1fr)' },
            alignItems: 'start',
          }}
        >
          <CatalogFilterPanel
            filters={filters}
            facets={facets}
            counts={counts}
            onChange={update}
            onClear={() =>
              setParams(writeCatalogQuery(readCatalogFilters(new URLSearchParams()), sort), {
                replace: true,
              })
            }
          />
          <Paper variant="outlined" component="section" aria-labelledby="catalog-table-title">
            <Typography id="catalog-table-title" variant="h6" component="h2" sx={{ p: 2 }}>
              {page.loading && page.items.length === 0
                ? t('index.tableTitleLoading', { kind: kindLabel })
                : t('index.tableTitle', { kind: kindLabel, count: page.totalItems })}
            </Typography>
            {page.loading && <Progress />}
            {page.error ? (
              <Box sx={{ p: 2 }}>
                <ErrorPanel title={t('index.loadError')} error={page.error} onRetry={page.retry} />
              </Box>
            ) : page.loading && page.items.length === 0 ? null : page.items.length === 0 ? (
              <EmptyState
                title={t('index.emptyTitle')}
                description={
                  isUnfiltered(filters)
                    ? t('index.emptyCatalogDescription')
                    : t('index.emptyDescription')
                }
              />
            ) : (
              <>
                <CatalogTable
                  kind={filters.kind}
                  columns={columnsForKind(filters.kind).filter(
                    // One type chosen: every row has it, so the column says nothing.
                    column => column !== 'type' || filters.type.length !== 1,
                  )}
                  items={page.items}
                  sort={sort}
                  onSort={nextSort => update({}, nextSort)}
                  isStarred={stars.isStarred}
                  onToggleStar={stars.toggleStarred}
                />
                <TablePagination
                  component="div"
                  count={page.totalItems}
                  page={page.pageIndex}
                  rowsPerPage={pageSize}
                  rowsPerPageOptions={PAGE_SIZES}
                  onPageChange={(_, next) =>
                    next > page.pageIndex ? page.next() : page.previous()
                  }
                  onRowsPerPageChange={event => setPageSize(Number(event.target.value))}
                  labelRowsPerPage={t('table.rowsPerPage')}
                  labelDisplayedRows={({ from, to, count }) =>
                    t('table.displayedRows', { from, to, count })
                  }
                  getItemAriaLabel={type =>
                    type === 'next' ? t('table.nextPage') : t('table.previousPage')
                  }
                  slotProps={{
                    actions: {
                      nextButton: { disabled: page.loading || !page.hasNext },
                      previousButton: { disabled: page.loading || !page.hasPrevious },
                    },
                  }}
                />
              </>
            )}
          </Paper>
        </Box>
      </Content>
    </Page>
  );
}

function isUnfiltered(filters: CatalogFilters): boolean {
  return (
    filters.kind === DEFAULT_KIND &&
    filters.user === 'all' &&
    !filters.text.trim() &&
    [filters.type, filters.owners, filters.lifecycles, filters.tags, filters.namespaces].every(
      list => list.length === 0,
    )
  );
}
