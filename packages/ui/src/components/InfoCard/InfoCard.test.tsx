import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { InfoCard } from './InfoCard';

afterEach(cleanup);

describe('InfoCard', () => {
  it('is a region named by its title, so screen readers can jump between cards', () => {
    render(
      <>
        <InfoCard title="About">first</InfoCard>
        <InfoCard title="Links">second</InfoCard>
      </>,
    );
    expect(screen.getByRole('region', { name: 'About' }).textContent).toContain('first');
    expect(screen.getByRole('region', { name: 'Links' }).textContent).toContain('second');
    expect(screen.getByRole('heading', { level: 2, name: 'Links' })).toBeTruthy();
  });
});
