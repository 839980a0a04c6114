import { useTranslationRef } from '@greenroom/frontend-plugin-api';
import { Content, EmptyState, Header, Link, Page } from '@greenroom/ui';
import { useLocation } from 'react-router';
import { coreTranslationRef } from '../../i18n/coreTranslationRef';

/** What any path no page is mounted at shows. */
export function NotFoundPage() {
  const { t } = useTranslationRef(coreTranslationRef);
  const { pathname } = useLocation();
  return (
    <Page>
      <Header title={t('notFound.title')} />
      <Content>
        <EmptyState
          title="404"
          description={t('notFound.description', { path: pathname })}
          action={<Link to="/">{t('notFound.goHome')}</Link>}
        />
      </Content>
    </Page>
  );
}
