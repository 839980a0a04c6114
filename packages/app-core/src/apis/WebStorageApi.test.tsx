import { beforeEach, describe, expect, it } from 'vitest';
import { WebStorageApi } from './WebStorageApi';

beforeEach(() => localStorage.clear());

describe('WebStorageApi', () => {
  it('keeps JSON values in localStorage, per bucket', () => {
    const theme = WebStorageApi.create().forBucket('theme');
    theme.set('activeThemeId', 'dark');
    expect(localStorage.getItem('greenroom/theme/activeThemeId')).toBe('"dark"');
    expect(WebStorageApi.create().forBucket('theme').get('activeThemeId')).toBe('dark');
    expect(WebStorageApi.create().forBucket('other').get('activeThemeId')).toBeUndefined();
    theme.remove('activeThemeId');
    expect(theme.get('activeThemeId')).toBeUndefined();
  });

  it('treats a value it cannot parse as unset', () => {
    localStorage.setItem('greenroom/theme/activeThemeId', 'dark');
    expect(WebStorageApi.create().forBucket('theme').get('activeThemeId')).toBeUndefined();
  });

  it('tells subscribers about changes to their key only', () => {
    const bucket = WebStorageApi.create().forBucket('sidebar');
    const calls: string[] = [];
    const unsubscribe = bucket.subscribe('collapsed', () => calls.push('collapsed'));
    bucket.set('collapsed', true);
    bucket.set('width', 3);
    unsubscribe();
    bucket.set('collapsed', false);
    expect(calls).toEqual(['collapsed']);
  });

  it('hears changes made in another tab', () => {
    const bucket = WebStorageApi.create().forBucket('theme');
    let calls = 0;
    bucket.subscribe('activeThemeId', () => (calls += 1));
    window.dispatchEvent(new StorageEvent('storage', { key: 'greenroom/theme/activeThemeId' }));
    expect(calls).toBe(1);
  });
});
