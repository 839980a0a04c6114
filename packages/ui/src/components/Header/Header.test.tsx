import { ConfigReader } from '@greenroom/config/reader';
import { ApiProvider, configApiRef } from '@greenroom/frontend-plugin-api';
import type { ApiRef } from '@greenroom/frontend-plugin-api';
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { Header } from './Header';

afterEach(cleanup);

describe('Header', () => {
  it("is the page's heading and names the browser tab with the app title", () => {
    const config = new ConfigReader({ app: { title: 'Portal' } });
    const apis = {
      get: <T,>(ref: ApiRef<T>) => (ref.id === configApiRef.id ? (config as T) : undefined),
    };
    render(
      <ApiProvider apis={apis}>
        <Header title="Catalog" subtitle="Everything we run" />
      </ApiProvider>,
    );
    expect(screen.getByRole('heading', { level: 1, name: 'Catalog' })).toBeTruthy();
    expect(screen.getByText('Everything we run')).toBeTruthy();
    expect(document.title).toBe('Catalog | Portal');
  });

  it('uses the page title alone outside an app', () => {
    render(<Header title="Catalog" />);
    expect(document.title).toBe('Catalog');
  });
});
