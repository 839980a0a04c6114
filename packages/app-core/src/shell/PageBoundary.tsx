import { errorApiRef, useApi } from '@greenroom/frontend-plugin-api';
import type { PageExtension } from '@greenroom/frontend-plugin-api';
import { ErrorBoundary, Progress } from '@greenroom/ui';
import { Suspense, lazy, useMemo, useState } from 'react';
import { useLocation } from 'react-router';

/**
 * A page loaded on first visit, inside its own error boundary: a failing page (or a chunk that
 * did not load) shows a readable error and a retry, and the rest of the app keeps working.
 */
export function PageBoundary(props: { page: PageExtension }) {
  const { page } = props;
  const errorApi = useApi(errorApiRef);
  const { pathname } = useLocation();
  const [attempt, setAttempt] = useState(0);
  // A new lazy component per attempt: React caches a failed import, and retry must import again.
  const Page = useMemo(
    () => lazy(() => page.component().then(component => ({ default: component }))),
    [page, attempt],
  );

  return (
    <ErrorBoundary
      key={pathname}
      onReset={() => setAttempt(n => n + 1)}
      onError={error => errorApi.post(error, { hidden: true })}
    >
      <Suspense fallback={<Progress />}>
        <Page />
      </Suspense>
    </ErrorBoundary>
  );
}
