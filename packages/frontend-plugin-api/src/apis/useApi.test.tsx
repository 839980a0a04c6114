import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiProvider, useApi } from './ApiProvider';
import { createApiRef } from './ApiRef';

const clockApiRef = createApiRef<{ now(): string }>({ id: 'test.clock' });

function Clock() {
  return <p>{useApi(clockApiRef).now()}</p>;
}

afterEach(cleanup);

describe('useApi', () => {
  it('returns the implementation the provider holds', () => {
    const apis = {
      get: <T,>(ref: { id: string }) =>
        ref.id === 'test.clock' ? ({ now: () => 'noon' } as T) : undefined,
    };
    render(
      <ApiProvider apis={apis}>
        <Clock />
      </ApiProvider>,
    );
    expect(screen.getByText('noon')).toBeTruthy();
  });

  it('names the API that is missing', () => {
    expect(() => render(<Clock />)).toThrow("No implementation available for API 'test.clock'");
  });

  it('refuses ids that are not dotted lowercase words', () => {
    expect(() => createApiRef({ id: 'Clock' })).toThrow("Invalid API id 'Clock'");
  });
});
