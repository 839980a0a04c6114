import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { ErrorPanel } from './ErrorPanel';

afterEach(cleanup);

describe('ErrorPanel', () => {
  it('shows the stack only on request, and no retry unless given one', async () => {
    const error = new Error('Catalog unreachable');
    error.stack = 'Error: Catalog unreachable\n    at load (catalog.ts:1)';
    render(<ErrorPanel error={error} title="Could not load" />);
    expect(screen.getByText('Could not load')).toBeTruthy();
    expect(screen.queryByText(/at load/)).toBeNull();
    expect(screen.queryByRole('button', { name: 'Try again' })).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Show details' }));
    expect(screen.getByText(/at load \(catalog.ts:1\)/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Hide details' }).getAttribute('aria-expanded')).toBe(
      'true',
    );
  });
});
