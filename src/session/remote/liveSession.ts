/**
 * A live exercise behind the same door as a local one (ARCHITECTURE.md, "The
 * next shape"): the console, the log and the debrief talk to an
 * `ExerciseSession` and need not know whether a server judges. The
 * difference is where judging happens: here every proposal goes to the
 * server, and an entry appears only once the server has stored it and the
 * chain checks out (liveClient.ts). Nothing is judged or shown on this device
 * alone, so `savedLength` is always the whole log.
 *
 * Who acts comes from the server (the device's token). The trainer's device
 * may act as a cast member ("Handelt als"): the `by` of a proposal names that
 * member, sent as `actingAs`; any other device's proposals carry no `by`.
 */
import type { By, EscalationSnapshot, Text } from '../../../machines';
import {
  exerciseNow,
  exerciseStateOf,
  formatExerciseTime,
  type ExerciseHead,
  type LogEntry,
  type Proposal,
  type WireProposal,
} from '../../core';
import { injectResultOf, type ExerciseSession, type Proposed, type SessionState } from '../session';
import type { LiveClient, LiveConnection, LiveOutcome, LiveState } from './liveClient';

export interface LiveSessionState extends SessionState {
  /** The connection to the server, for the "offline — reconnecting" banner and the reload screen. */
  live: LiveConnection;
  /** Proposals sent (or waiting to be sent) whose result has not come yet. */
  waiting: number;
}

export interface LiveSession extends ExerciseSession {
  getState(): LiveSessionState;
}

/** A proposal as the wire carries it: the same, without `by` (the server knows who acts). */
export function wireProposalOf(proposal: Proposal): WireProposal {
  switch (proposal.kind) {
    case 'attempt': {
      // The server checks the attempt against the protocol's strict schema: it must carry no `by`.
      const attempt = Object.fromEntries(Object.entries(proposal.attempt).filter(([key]) => key !== 'by'));
      return { kind: 'attempt', attempt } as WireProposal;
    }
    case 'note':
      return {
        kind: 'note',
        text: proposal.text,
        ...(proposal.refersTo === undefined ? {} : { refersTo: proposal.refersTo }),
      };
    case 'correction':
      return { kind: 'correction', text: proposal.text, corrects: proposal.corrects };
    case 'clock':
      return { kind: 'clock', action: proposal.action };
    case 'inject':
      return { kind: 'inject', injectId: proposal.injectId, action: proposal.action };
  }
}

const byOfProposal = (proposal: Proposal): By => (proposal.kind === 'attempt' ? proposal.attempt.by : proposal.by);

const NOT_SHOWN: Text = {
  nl: 'Vastgelegd, maar niet zichtbaar voor uw rol.',
  en: 'Recorded, but not visible to your role.',
};

/**
 * The session of a live client that has been welcomed (`client.getState().head`
 * is set). `now` is this device's wall clock, for showing the exercise time.
 */
export function liveSession(client: LiveClient, now: () => number = Date.now): LiveSession {
  const first = client.getState();
  if (!first.head) throw new Error('A live session starts once the server has welcomed the device');

  const log: LogEntry[] = [];
  let snapshotFor: { head: ExerciseHead; snapshot: EscalationSnapshot } | null = null;
  let seenVersion = -1;
  let state: LiveSessionState;

  /** How many of the client's entries are in `log` (hidden ones skipped), and the last of them. */
  let taken = 0;
  let lastTaken: LiveState['entries'][number] | undefined;

  /** Follow the client: entries only grow, and the model is restored from the server's head. */
  function follow(live: LiveState): LiveSessionState {
    const head = live.head ?? first.head;
    if (!head) throw new Error('unreachable: the head was set at the welcome');
    if (live.entries.length < taken || live.entries[taken - 1] !== lastTaken) {
      // The client started the log afresh (a welcome from the start): so does the session.
      log.length = 0;
      taken = 0;
    }
    for (const projected of live.entries.slice(taken)) {
      if (projected.entry.kind !== 'redacted') log.push(projected.entry);
    }
    taken = live.entries.length;
    lastTaken = live.entries[taken - 1];
    if (snapshotFor?.head.headHash !== head.headHash) {
      snapshotFor = { head, snapshot: exerciseStateOf(head, log).snapshot };
    }
    return {
      head,
      snapshot: snapshotFor.snapshot,
      log,
      savedLength: log.length,
      storage: { state: 'saved' },
      version: live.version,
      live: live.connection,
      waiting: live.waiting,
    };
  }

  const current = (): LiveSessionState => {
    const live = client.getState();
    if (live.version !== seenVersion) {
      state = follow(live);
      seenVersion = live.version;
    }
    return state;
  };
  current();

  function proposedOf(outcome: LiveOutcome): Proposed {
    switch (outcome.type) {
      case 'accepted':
      case 'refused': {
        const { entry } = outcome.entry;
        return entry.kind === 'redacted' ? { outcome: 'ignored', reason: NOT_SHOWN } : { outcome: 'stored', entry };
      }
      case 'ignored':
      case 'error':
      case 'notSent':
        return { outcome: 'ignored', reason: outcome.type === 'ignored' ? outcome.reason : outcome.message };
    }
  }

  async function propose(proposal: Proposal): Promise<Proposed> {
    const live = client.getState();
    const head = live.head ?? first.head;
    let actingAs: string | undefined;
    if (live.role === 'trainer' && head) {
      const by = byOfProposal(proposal);
      actingAs = head.setup.cast.find((member) => member.role === by.role && member.name === by.name)?.id;
    }
    return proposedOf(await client.propose(wireProposalOf(proposal), actingAs));
  }

  return {
    getState: current,
    subscribe: (listener) => client.subscribe(listener),
    propose,
    dispatch: (attempt) => propose({ kind: 'attempt', attempt }) as Promise<Proposed<never>>,
    annotate: (by, text, refersTo) =>
      propose({ kind: 'note', by, text, ...(refersTo === undefined ? {} : { refersTo }) }),
    correct: (by, text, corrects) => propose({ kind: 'correction', by, text, corrects }),
    clock: (by, action) => propose({ kind: 'clock', by, action }),
    inject: async (by, injectId, action) => injectResultOf(await propose({ kind: 'inject', by, injectId, action })),
    // The server releases injects at exercise time, with the core's policy (issue #14 item 3).
    releaseDue: () => Promise.resolve([]),
    exerciseTimeNow: () => formatExerciseTime(exerciseNow(current().head.clock, now())),
    // Nothing waits to be stored on this device: the server stores before it answers.
    retrySave: () => Promise.resolve(),
    recheck: () => Promise.resolve(),
    dispose: () => {
      client.close();
    },
  };
}
