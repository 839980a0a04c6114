import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { ErrorBoundary } from './ErrorBoundary';

afterEach(cleanup);

describe('ErrorBoundary', () => {
  it('shows the error with a retry that renders the children again', async () => {
    const state = { failing: true };
    const caught: string[] = [];
    let resets = 0;
    function Widget() {
      if (state.failing) throw new Error('Widget exploded');
      return <p>{'Widget ready'}</p>;
    }
    render(
      <ErrorBoundary onError={error => caught.push(error.message)} onReset={() => (resets += 1)}>
        <Widget />
      </ErrorBoundary>,
    );
    expect(screen.getByRole('alert').textContent).toContain('Widget exploded');
    expect(caught).toEqual(['Widget exploded']);

    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(screen.getByRole('alert').textContent).toContain('Widget exploded');
    expect(resets).toBe(1);

    state.failing = false;
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(screen.getByText('Widget ready')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('turns a thrown non-error into a readable message', () => {
    function Thrower(): never {
      throw 'plain string';
    }
    render(
      <ErrorBoundary>
        <Thrower />
      </ErrorBoundary>,
    );
    expect(screen.getByRole('alert').textContent).toContain('plain string');
  });
});
