import { act, cleanup, render, screen } from '@testing-library/react';
import i18next from 'i18next';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { createTranslationMessages } from './createTranslationMessages';
import { createTranslationRef } from './createTranslationRef';
import { createTranslationResource } from './createTranslationResource';
import { baseI18nOptions } from './fallbackI18n';
import { addAppTranslations } from './i18nRegistration';
import type { TranslationRef } from './types';
import { useTranslationRef } from './useTranslationRef';

const messages = {
  title: 'Catalog',
  greeting: 'Hello {{name}}',
  onlyInEnglish: 'Only English',
} as const;

function Texts(props: { translationRef: TranslationRef<string, typeof messages> }) {
  const { t } = useTranslationRef(props.translationRef);
  return (
    <ul>
      <li data-testid="title">{t('title')}</li>
      <li data-testid="greeting">{t('greeting', { name: 'Ada' })}</li>
      <li data-testid="only">{t('onlyInEnglish')}</li>
    </ul>
  );
}

function germanI18n() {
  const i18n = i18next.createInstance({
    ...baseI18nOptions,
    lng: 'de',
    supportedLngs: ['en', 'de'],
  });
  void i18n.init();
  return i18n;
}

const text = (id: string) => screen.getByTestId(id).textContent;

afterEach(cleanup);

describe('useTranslationRef', () => {
  it('speaks English outside an app', () => {
    const ref = createTranslationRef({ id: 'standalone', messages });
    render(<Texts translationRef={ref} />);
    expect(text('title')).toBe('Catalog');
    expect(text('greeting')).toBe('Hello Ada');
  });

  it("uses the plugin's German, and English for a key German lacks", () => {
    const ref = createTranslationRef({
      id: 'bundled',
      messages,
      translations: { de: { title: 'Katalog', greeting: 'Hallo {{name}}' } },
    });
    render(
      <I18nextProvider i18n={germanI18n()}>
        <Texts translationRef={ref} />
      </I18nextProvider>,
    );
    expect(text('title')).toBe('Katalog');
    expect(text('greeting')).toBe('Hallo Ada');
    expect(text('only')).toBe('Only English');
  });

  it('loads a lazily imported translation and shows it when it arrives', async () => {
    let resolve!: (value: { default: Record<string, string> }) => void;
    const ref = createTranslationRef({
      id: 'lazy',
      messages,
      translations: {
        de: () => new Promise<{ default: Record<string, string> }>(r => (resolve = r)),
      },
    });
    render(
      <I18nextProvider i18n={germanI18n()}>
        <Texts translationRef={ref} />
      </I18nextProvider>,
    );
    expect(text('title')).toBe('Catalog');
    await act(async () => resolve({ default: { title: 'Katalog' } }));
    expect(text('title')).toBe('Katalog');
  });

  it('loads the base language translation for a regional language (de-DE → de)', async () => {
    const ref = createTranslationRef({
      id: 'regional',
      messages,
      translations: { de: async () => ({ default: { title: 'Katalog' } }) },
    });
    const i18n = i18next.createInstance({ ...baseI18nOptions, lng: 'de-DE' });
    void i18n.init();
    render(
      <I18nextProvider i18n={i18n}>
        <Texts translationRef={ref} />
      </I18nextProvider>,
    );
    expect(await screen.findByText('Katalog')).toBeTruthy();
  });

  it("lets the app's overrides and translations win over the plugin's", async () => {
    const ref = createTranslationRef({
      id: 'overridden',
      messages,
      translations: { de: { title: 'Katalog', greeting: 'Hallo {{name}}' } },
    });
    const i18n = germanI18n();
    const app = addAppTranslations(i18n, [
      createTranslationMessages({ ref, messages: { onlyInEnglish: 'App English' } }),
      createTranslationResource({
        ref,
        translations: {
          de: async () =>
            createTranslationMessages({ ref, messages: { title: 'Softwarekatalog' } }),
        },
      }),
    ]);
    render(
      <I18nextProvider i18n={i18n}>
        <Texts translationRef={ref} />
      </I18nextProvider>,
    );
    await act(() => app.loadLanguage('de'));
    expect(text('title')).toBe('Softwarekatalog');
    expect(text('greeting')).toBe('Hallo Ada');
    expect(text('only')).toBe('App English');
  });

  it('follows a language change', async () => {
    const ref = createTranslationRef({
      id: 'switching',
      messages,
      translations: { de: { title: 'Katalog' } },
    });
    const i18n = germanI18n();
    render(
      <I18nextProvider i18n={i18n}>
        <Texts translationRef={ref} />
      </I18nextProvider>,
    );
    expect(text('title')).toBe('Katalog');
    await act(() => i18n.changeLanguage('en'));
    expect(text('title')).toBe('Catalog');
  });
});
