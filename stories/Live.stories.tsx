import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import type { DevicesView, JoinCodeView } from '../src/core';
import { DevicesPanel } from '../src/features/live/DevicesPanel';
import { LiveBanner } from '../src/features/live/LiveBanner';
import { QrCode } from '../src/features/live/QrCode';
import { ReloadScreen } from '../src/features/live/ReloadScreen';

/** A live device's connection, as the banner above its console shows it (issue #14 item 6). */
const meta = {
  title: 'Live/LiveBanner',
  component: LiveBanner,
  args: { connection: { state: 'live' }, waiting: 0, role: 'mayor' },
} satisfies Meta<typeof LiveBanner>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Live: Story = {
  play: async ({ canvasElement }) => {
    const status = within(canvasElement).getByRole('status');
    await expect(status).toHaveTextContent('Live verbonden met de server');
    await expect(status).toHaveTextContent('Dit apparaat: Burgemeester');
  },
};

export const Connecting: Story = {
  args: { connection: { state: 'connecting', attempt: 0 }, role: null },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('status')).toHaveTextContent('Verbinden met de server…');
  },
};

/** The server went away: the decision made meanwhile waits and is sent on reconnect, never applied here alone. */
export const ReconnectingWithAWaitingDecision: Story = {
  args: { connection: { state: 'reconnecting', attempt: 3, inMs: 3_400 }, waiting: 1 },
  play: async ({ canvasElement }) => {
    const status = within(canvasElement).getByRole('status');
    await expect(status).toHaveTextContent('Offline — opnieuw verbinden over 4 s');
    await expect(status).toHaveTextContent('1 poging wacht op de server');
  },
};

export const ChainProblem: Story = {
  args: {
    connection: { state: 'reconnecting', attempt: 1, inMs: 500 },
    chainProblem: { problem: 'link', seq: 12 },
  },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('status')).toHaveTextContent('(regel 12) klopte niet');
  },
};

export const Revoked: StoryObj<typeof ReloadScreen> = {
  render: (args) => <ReloadScreen {...args} />,
  args: {
    reason: 'revoked',
    message: { nl: 'Dit apparaat is ingetrokken.', en: 'This device was revoked.' },
    onReload: fn(),
  },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const heading = canvas.getByRole('heading', { name: 'Dit apparaat kan niet meer meedoen' });
    await expect(heading).toHaveFocus();
    await expect(canvas.getByText('De oefenleider heeft dit apparaat verwijderd.')).toBeVisible();
    await userEvent.tab();
    await userEvent.keyboard('{Enter}');
    await expect(args.onReload).toHaveBeenCalledOnce();
  },
};

export const JoinQrCode: StoryObj<typeof QrCode> = {
  render: (args) => <QrCode {...args} />,
  args: { text: 'http://192.168.1.20:5173/#/join?code=7KQ4-M2XD', size: 240 },
  play: async ({ canvasElement }) => {
    const image = within(canvasElement).getByRole('img', { name: /QR-code van http:\/\/192\.168\.1\.20/ });
    await expect(image.querySelector('path')?.getAttribute('d')?.length).toBeGreaterThan(100);
  },
};

/** The trainer's room: the mayor's laptop let in and connected, as the server last said. */
const ROOM: DevicesView = {
  exerciseId: 'ex-1',
  trainerConnections: 1,
  devices: [
    {
      id: 'dev-1',
      name: 'Laptop burgemeester',
      role: 'mayor',
      person: { role: 'mayor', name: 'Ingrid Scholten', municipality: 'Lindenburg', castMemberId: 'burgemeester' },
      status: 'approved',
      connected: true,
      connections: 1,
      joinedAt: '2026-12-07T16:00:00.000Z',
      approvedAt: '2026-12-07T16:00:05.000Z',
    },
  ],
  joinCodes: [],
};

const devicesArgs = {
  devices: ROOM,
  cast: [{ id: 'burgemeester', role: 'mayor' as const, name: 'Ingrid Scholten', municipality: 'Lindenburg' }],
  joinLink: (code: string) => `http://127.0.0.1:5173/#/join?code=${code}`,
  onCreateCode: fn(),
  onDecide: fn(),
};

export const DevicesConnected: StoryObj<typeof DevicesPanel> = {
  render: (args) => <DevicesPanel {...args} />,
  args: devicesArgs,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText(/Ingrid Scholten \(verbonden\)/)).toBeVisible();
    await expect(canvas.queryByText(/laatst bekend/)).toBeNull();
  },
};

/**
 * The trainer's own device lost the server (SIGKILL, a dropped network): who is connected is what the
 * server said last, and says so; it did not say "verbonden" as fact while nobody could know.
 */
export const DevicesWhileOffline: StoryObj<typeof DevicesPanel> = {
  render: (args) => <DevicesPanel {...args} />,
  args: { ...devicesArgs, offline: true },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText(/Ingrid Scholten \(laatst bekend: verbonden\)/)).toBeVisible();
    await expect(canvas.getByText(/Geen verbinding met de server: of een apparaat verbonden is/)).toBeVisible();
  },
};

/** A join code as the server lists it, made at 16:00 for the mayor, valid one hour, for one device. */
const JOIN_CODE: JoinCodeView = {
  id: 'code-1',
  role: 'mayor',
  castMemberId: 'burgemeester',
  expiresAt: '2026-12-07T17:00:00.000Z',
  maxUses: 1,
  usesLeft: 1,
  createdAt: '2026-12-07T16:00:00.000Z',
  usable: true,
};
const codeArgs = (joinCodes: JoinCodeView[]) => ({
  ...devicesArgs,
  devices: { ...ROOM, joinCodes },
  onCreateCode: fn(() => Promise.resolve({ ...JOIN_CODE, code: '7KQ4M2XD' })),
  now: () => Date.parse('2026-12-07T16:05:00.000Z'),
});

/** A code just made and still usable: large, with its QR code and link, for the projector; listed as usable. */
export const JoinCodeShown: StoryObj<typeof DevicesPanel> = {
  render: (args) => <DevicesPanel {...args} />,
  args: codeArgs([JOIN_CODE]),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Toegangscode maken' }));
    await expect(await canvas.findByText('7KQ4M2XD')).toBeVisible();
    await expect(canvas.getByRole('img', { name: /QR-code van/ })).toBeVisible();
    await expect(canvas.getByText(/Burgemeester — Ingrid Scholten: bruikbaar, nog 1 apparaat/)).toBeVisible();
  },
};

/**
 * The code made last has been used (the mayor's laptop came in with it): it is not shown as if it
 * could still be used, no code and no QR code; the list says what became of each code.
 */
export const JoinCodesSpent: StoryObj<typeof DevicesPanel> = {
  render: (args) => <DevicesPanel {...args} />,
  args: codeArgs([
    { ...JOIN_CODE, usesLeft: 0, usable: false },
    {
      ...JOIN_CODE,
      id: 'code-0',
      role: 'observer',
      castMemberId: undefined,
      createdAt: '2026-12-07T15:00:00.000Z',
      expiresAt: '2026-12-07T15:30:00.000Z',
      usable: false,
    },
    { ...JOIN_CODE, id: 'code-00', createdAt: '2026-12-07T14:00:00.000Z', revokedAt: '2026-12-07T14:10:00.000Z' },
  ]),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Toegangscode maken' }));
    await expect(await canvas.findByText(/De laatst gemaakte code is opgebruikt/)).toBeVisible();
    await expect(canvas.queryByText('7KQ4M2XD')).toBeNull();
    await expect(canvas.queryByRole('img', { name: /QR-code van/ })).toBeNull();
    await expect(canvas.getByText(/Burgemeester — Ingrid Scholten: opgebruikt/)).toBeVisible();
    await expect(canvas.getByText(/Waarnemer: verlopen/)).toBeVisible();
    await expect(canvas.getByText(/Burgemeester — Ingrid Scholten: ingetrokken/)).toBeVisible();
  },
};
