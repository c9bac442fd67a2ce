import { act, fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CreatedJoinCode, DevicesView, JoinCodeView } from '../../../src/core';
import { DevicesPanel } from '../../../src/features/live/DevicesPanel';
import { i18n } from '../../../src/i18n';

const NOW = Date.parse('2026-12-07T16:00:00.000Z');
const CAST = [{ id: 'burgemeester', role: 'mayor' as const, name: 'Ingrid Scholten', municipality: 'Lindenburg' }];

/** The code as the server lists it afterwards (its text is shown once, when made). */
const VIEW: JoinCodeView = {
  id: 'code-1',
  role: 'mayor',
  castMemberId: 'burgemeester',
  expiresAt: '2026-12-07T17:00:00.000Z',
  maxUses: 1,
  usesLeft: 1,
  createdAt: '2026-12-07T16:00:00.000Z',
  usable: true,
};
const MADE: CreatedJoinCode = { ...VIEW, code: '7KQ4M2XD' };

const room = (joinCodes: JoinCodeView[]): DevicesView => ({
  exerciseId: 'ex-1',
  trainerConnections: 1,
  devices: [],
  joinCodes,
});

function renderPanel(made: CreatedJoinCode = MADE, now = () => NOW) {
  const props = {
    cast: CAST,
    joinLink: (code: string) => `http://127.0.0.1:5173/#/join?code=${code}`,
    onCreateCode: () => Promise.resolve(made),
    onDecide: () => Promise.resolve(),
    now,
  };
  const view = render(<DevicesPanel {...props} devices={room([])} />);
  return {
    ...view,
    /** The server's next word about the room. */
    told: (joinCodes: JoinCodeView[]) => {
      view.rerender(<DevicesPanel {...props} devices={room(joinCodes)} />);
    },
  };
}

const makeCode = async () => {
  await userEvent.setup().click(screen.getByRole('button', { name: 'Toegangscode maken' }));
};
const qr = () => screen.queryByRole('img', { name: /QR-code van/ });

beforeEach(async () => {
  await i18n.changeLanguage('nl');
});
afterEach(() => {
  vi.useRealTimers();
});

describe('the join code on show', () => {
  it('is shown large with its QR code while it can bring a device in, and listed as usable', async () => {
    const { told } = renderPanel();
    await makeCode();
    expect(screen.getByText('7KQ4M2XD')).toHaveClass('devices-panel__code-text');
    expect(qr()).not.toBeNull();
    told([VIEW]);
    expect(screen.getByText('7KQ4M2XD')).toBeVisible();
    expect(screen.getByRole('listitem')).toHaveTextContent('Burgemeester — Ingrid Scholten: bruikbaar, nog 1 apparaat');
  });

  it('goes once the server says it is used up: no code, no QR code, "opgebruikt" in the list', async () => {
    const { told } = renderPanel();
    await makeCode();
    told([{ ...VIEW, usesLeft: 0, usable: false }]);
    expect(screen.queryByText('7KQ4M2XD')).toBeNull();
    expect(qr()).toBeNull();
    expect(screen.getByText(/De laatst gemaakte code is opgebruikt/)).toBeVisible();
    expect(screen.getByRole('listitem')).toHaveTextContent('Burgemeester — Ingrid Scholten: opgebruikt');
  });

  it('goes once revoked, and says "ingetrokken"', async () => {
    const { told } = renderPanel();
    await makeCode();
    told([{ ...VIEW, revokedAt: '2026-12-07T16:10:00.000Z', usable: false }]);
    expect(screen.queryByText('7KQ4M2XD')).toBeNull();
    expect(qr()).toBeNull();
    expect(screen.getByRole('listitem')).toHaveTextContent('ingetrokken');
  });

  it('goes when it expires on this device’s clock, though the server last called it usable', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    let now = NOW;
    const { told } = renderPanel(MADE, () => now);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Toegangscode maken' }));
      await Promise.resolve();
    });
    told([VIEW]);
    expect(screen.getByText('7KQ4M2XD')).toBeVisible();

    now = Date.parse(MADE.expiresAt) + 1;
    act(() => {
      vi.advanceTimersByTime(60 * 60_000);
    });
    expect(screen.queryByText('7KQ4M2XD')).toBeNull();
    expect(qr()).toBeNull();
    expect(screen.getByText(/De laatst gemaakte code is verlopen/)).toBeVisible();
    expect(screen.getByRole('listitem')).toHaveTextContent('verlopen');
  });

  it('lists a code as "verlopen" once it expires, though nobody made it on this device', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    let now = NOW;
    const { told } = renderPanel(MADE, () => now);
    told([VIEW]);
    expect(screen.getByRole('listitem')).toHaveTextContent('bruikbaar');
    now = Date.parse(VIEW.expiresAt) + 1;
    act(() => {
      vi.advanceTimersByTime(60 * 60_000);
    });
    expect(screen.getByRole('listitem')).toHaveTextContent('Burgemeester — Ingrid Scholten: verlopen');
  });

  it('lists every code of the exercise, newest first, each with what became of it', () => {
    const { told } = renderPanel();
    told([
      { ...VIEW, id: 'old', createdAt: '2026-12-07T15:00:00.000Z', usesLeft: 0, usable: false },
      { ...VIEW, id: 'new', castMemberId: undefined, role: 'observer', maxUses: 3, usesLeft: 2 },
    ]);
    expect(screen.getByRole('heading', { name: 'Toegangscodes' })).toBeVisible();
    expect(screen.getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      expect.stringMatching(/^Waarnemer: bruikbaar, nog 2 apparaten \(geldig tot /) as string,
      expect.stringMatching(/^Burgemeester — Ingrid Scholten: opgebruikt/) as string,
    ]);
    // No code was made here: nothing is shown large.
    expect(qr()).toBeNull();
  });
});
