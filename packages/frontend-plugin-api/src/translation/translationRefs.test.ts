import { describe, expect, it } from 'vitest';
import { createTranslationMessages } from './createTranslationMessages';
import { createTranslationRef } from './createTranslationRef';
import { createTranslationResource } from './createTranslationResource';
import type { TranslationFunction } from './types';

const messages = {
  title: 'Catalog',
  greeting: 'Hello {{name}}, you own {{ count }} things',
  table: { empty: 'Nothing here' },
} as const;

describe('createTranslationRef', () => {
  it('flattens nested messages to dotted keys', () => {
    const ref = createTranslationRef({ id: 'catalog', messages });
    expect(ref.defaultMessages).toEqual({
      title: 'Catalog',
      greeting: 'Hello {{name}}, you own {{ count }} things',
      'table.empty': 'Nothing here',
    });
  });

  it('refuses bad ids and keys with dots', () => {
    expect(() => createTranslationRef({ id: 'Catalog', messages })).toThrow(
      "Invalid translation ref id 'Catalog'",
    );
    expect(() => createTranslationRef({ id: 'x', messages: { 'a.b': 'c' } })).toThrow(
      "Invalid message key 'a.b'",
    );
  });

  it('types keys and interpolation params', () => {
    // What useTranslationRef(createTranslationRef({ id, messages })) returns, typed by `messages`.
    const t = ((key: string) => key) as TranslationFunction<typeof messages>;
    expect(t('table.empty')).toBe('table.empty');
    expect(t('greeting', { name: 'Ada', count: 2 })).toBe('greeting');
    // @ts-expect-error an unknown key does not compile
    t('table.missing');
    // @ts-expect-error a message with placeholders needs its params
    t('greeting');
    // @ts-expect-error every placeholder must be given
    t('greeting', { name: 'Ada' });
    // @ts-expect-error a message without placeholders takes none
    t('title', { name: 'Ada' });
  });
});

describe('createTranslationMessages', () => {
  it('keeps only the given messages, by ref id', () => {
    const ref = createTranslationRef({ id: 'catalog', messages });
    expect(createTranslationMessages({ ref, messages: { title: 'Software' } })).toEqual({
      $$type: '@greenroom/TranslationMessages',
      id: 'catalog',
      messages: { title: 'Software' },
    });
  });

  it('refuses keys the ref does not have', () => {
    const ref = createTranslationRef({ id: 'catalog', messages });
    expect(() =>
      // @ts-expect-error unknown keys do not compile either
      createTranslationMessages({ ref, messages: { titel: 'Katalog' } }),
    ).toThrow("Unknown message key 'titel' for translation ref 'catalog'");
  });
});

describe('createTranslationResource', () => {
  it('names the ref it translates', () => {
    const ref = createTranslationRef({ id: 'catalog', messages });
    const resource = createTranslationResource({
      ref,
      translations: { fr: { title: 'Catalogue' } },
    });
    expect(resource.id).toBe('catalog');
    expect(resource.translations.fr).toEqual({ title: 'Catalogue' });
  });
});
