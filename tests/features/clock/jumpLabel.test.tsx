import { render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ExerciseClock } from '../../../src/features/clock/ExerciseClock';
import { setLanguage } from '../../../src/i18n';

const clock = {
  running: false,
  speed: 1,
  exerciseAtAnchor: Date.parse('2026-12-31T22:00:00Z'),
  wallAtAnchor: 0,
} as const;

describe('the clock’s jump buttons', () => {
  afterEach(() => {
    setLanguage('nl');
  });

  it.each([
    ['nl', '1 minuut vooruit', '5 minuten vooruit'],
    ['en', '1 minute ahead', '5 minutes ahead'],
  ] as const)('are named in the singular for one minute and the plural for five (%s)', (language, one, five) => {
    setLanguage(language);
    render(<ExerciseClock clock={clock} trainerName="Karin Jansen" onAction={vi.fn()} now={() => 0} />);
    expect(screen.getByRole('button', { name: one })).toHaveTextContent('+1 min');
    expect(screen.getByRole('button', { name: five })).toHaveTextContent('+5 min');
  });
});
