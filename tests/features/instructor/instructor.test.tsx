import { fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import InstructorScreen from '../../../src/app/screens/InstructorScreen';
import { INSTRUCTOR_STEPS } from '../../../src/features/instructor/content';
import { parseRoute } from '../../../src/app/route';
import { setLanguage } from '../../../src/i18n';

describe('the GGP-GO walkthrough content', () => {
  it('is complete in Dutch and English, every point with its basis and the section it comes from', () => {
    expect(INSTRUCTOR_STEPS.length).toBeGreaterThanOrEqual(5);
    for (const step of INSTRUCTOR_STEPS) {
      for (const text of [step.title, step.lead, step.section, ...step.points.map((point) => point.text)]) {
        expect(text.nl.trim(), step.id).not.toBe('');
        expect(text.en.trim(), step.id).not.toBe('');
        expect(text.nl, step.id).not.toBe(text.en);
      }
      expect(step.section.nl, step.id).toMatch(/§\d/);
      for (const point of step.points) expect(['lovp', 'verified', 'assumption'], point.text.en).toContain(point.basis);
    }
  });

  it('names the public source each verified point was checked against, in Dutch and English', () => {
    const verified = INSTRUCTOR_STEPS.flatMap((step) => step.points).filter((point) => point.basis === 'verified');
    // The GGP agenda (politie podium) and the Police Act: without verified points there is nothing to check.
    expect(verified.length).toBeGreaterThan(0);
    for (const point of verified) {
      expect(point.checkedAgainst?.nl.trim(), point.text.en).toBeTruthy();
      expect(point.checkedAgainst?.en.trim(), point.text.en).toBeTruthy();
    }
  });

  it('covers what GGP-GO is, how it differs from the ME phases, who acts, and what happens when it is not enough', () => {
    expect(INSTRUCTOR_STEPS.map((step) => step.id)).toEqual(
      expect.arrayContaining(['what', 'difference', 'who', 'notEnough']),
    );
  });

  it('keeps the brief’s assumptions marked as assumptions', () => {
    const assumed = INSTRUCTOR_STEPS.flatMap((step) => step.points).filter((point) => point.basis === 'assumption');
    // "GO" as georganiseerd optreden, and phases 2–4, are assumptions in the brief (§1, §2).
    expect(assumed.some((point) => point.text.nl.includes('georganiseerd optreden'))).toBe(true);
    expect(assumed.some((point) => point.text.nl.includes('Fasen 2 tot en met 4'))).toBe(true);
  });

  it('is addressed by step, so a reload stays on the same one', () => {
    expect(parseRoute('#/instructie')).toEqual({ screen: 'instructor', step: 1 });
    expect(parseRoute('#/instructie/4')).toEqual({ screen: 'instructor', step: 4 });
  });
});

describe('the instructor screen', () => {
  const renderAt = (step: number) => {
    setLanguage('nl');
    const onStep = vi.fn();
    render(<InstructorScreen step={step} onStep={onStep} headerControls={null} startHref="#/" />);
    return onStep;
  };

  it('shows the step, its progress and its sources, assumptions marked "aanname"', () => {
    renderAt(2);
    expect(screen.getByRole('heading', { level: 2, name: 'Waar staat de naam voor?' })).toBeInTheDocument();
    expect(document.querySelector('.instructor__count')).toHaveTextContent(/^Stap 2 van 7/);
    const card = screen.getByRole('article');
    expect(within(card).getByText('aanname')).toBeInTheDocument();
    expect(card.querySelector('.instructor__source')).toHaveTextContent(
      'Bronnen: politie podium, “ontwikkelagenda GGP” · aanname van Paraat (“GO”)',
    );
    expect(screen.getByRole('button', { name: /Waar staat de naam voor/, current: 'step' })).toBeInTheDocument();
  });

  it('goes forward and back by button and arrow key, and back to the start in one click', async () => {
    const onStep = renderAt(3);
    await userEvent.click(screen.getByRole('button', { name: /Volgende/ }));
    expect(onStep).toHaveBeenLastCalledWith(4);
    await userEvent.click(screen.getByRole('button', { name: /Vorige/ }));
    expect(onStep).toHaveBeenLastCalledWith(2);
    fireEvent.keyDown(window, { key: 'ArrowLeft' });
    expect(onStep).toHaveBeenLastCalledWith(2);
    await userEvent.click(screen.getByRole('button', { name: /Opnieuw beginnen/ }));
    expect(onStep).toHaveBeenLastCalledWith(1);
  });

  it('does not go past the last step', async () => {
    const onStep = renderAt(INSTRUCTOR_STEPS.length);
    const next = screen.getByRole('button', { name: /Volgende/ });
    expect(next).toHaveAttribute('aria-disabled', 'true');
    await userEvent.click(next);
    fireEvent.keyDown(window, { key: 'ArrowRight' });
    expect(onStep).not.toHaveBeenCalled();
    expect(screen.getByText('Einde van de instructie.')).toBeInTheDocument();
  });

  it('speaks English', () => {
    setLanguage('en');
    render(<InstructorScreen step={1} onStep={vi.fn()} headerControls={null} startHref="#/" />);
    expect(screen.getByRole('heading', { level: 2, name: 'What is GGP-GO?' })).toBeInTheDocument();
    expect(document.querySelector('.instructor__count')).toHaveTextContent(/^Step 1 of 7/);
    setLanguage('nl');
  });
});
