import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import { Link } from './Link';

afterEach(cleanup);

describe('Link', () => {
  it('navigates inside the app without leaving it', async () => {
    render(
      <MemoryRouter initialEntries={['/']}>
        <Routes>
          <Route path="/" element={<Link to="/docs">{'Docs'}</Link>} />
          <Route path="/docs" element={<p>{'Docs page'}</p>} />
        </Routes>
      </MemoryRouter>,
    );
    expect(screen.getByRole('link', { name: 'Docs' }).getAttribute('href')).toBe('/docs');
    await userEvent.click(screen.getByRole('link', { name: 'Docs' }));
    expect(screen.getByText('Docs page')).toBeTruthy();
  });

  it('opens other sites in a new tab, saying so to screen readers', () => {
    render(<Link to="https://example.com/guide">{'Guide'}</Link>);
    const link = screen.getByRole('link', { name: 'Guide (opens in a new tab)' });
    expect(link.getAttribute('href')).toBe('https://example.com/guide');
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
  });
});
