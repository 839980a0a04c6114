import { describe, expect, it } from 'vitest';
import { maskQuery } from './maskQuery';

describe('maskQuery', () => {
  it('masks one-time codes and credentials in the query, keeping the rest', () => {
    expect(
      maskQuery('/api/auth/oidc/handler/frame?code=abc123&state=xyz&iss=https%3A%2F%2Fidp'),
    ).toBe(
      '/api/auth/oidc/handler/frame?code=%5BMASKED%5D&state=%5BMASKED%5D&iss=https%3A%2F%2Fidp',
    );
    expect(maskQuery('/x?access_token=t1&page=2')).not.toContain('t1');
  });

  it('leaves URLs without sensitive parameters untouched', () => {
    expect(maskQuery('/api/catalog/entities?filter=kind=component&limit=20')).toBe(
      '/api/catalog/entities?filter=kind=component&limit=20',
    );
    expect(maskQuery('/plain/path')).toBe('/plain/path');
  });
});
