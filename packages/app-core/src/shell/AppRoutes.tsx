import type { PageExtension } from '@greenroom/frontend-plugin-api';
import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../pages/notFound/NotFoundPage';
import { PageBoundary } from './PageBoundary';

/** Every plugin page at its path (sub paths go to the page), the 404 page for the rest. */
export function AppRoutes(props: { pages: readonly PageExtension[] }) {
  return (
    <Routes>
      {props.pages.map(page => (
        <Route
          key={page.path}
          path={page.path === '/' ? '/' : `${page.path}/*`}
          element={<PageBoundary page={page} />}
        />
      ))}
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
