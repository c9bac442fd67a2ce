/**
 * The server's HTTP API as the trainer's device uses it (server/app.ts):
 * only the server that served this page is asked, with the admin secret as
 * a bearer token. What comes back is checked before it is used: the server
 * may be older or newer than this page.
 */
import * as z from 'zod/mini';
import type { Text } from '../../../machines';
import {
  createdJoinCodeSchema,
  joinPendingSchema,
  joinStatusSchema,
  parseExerciseFile,
  type CreateJoinCode,
  type ExerciseFile,
  type CreatedJoinCode,
  type ExerciseSetup,
  type JoinPending,
  type JoinStatus,
} from '../../core';

const listingSchema = z.object({
  id: z.string(),
  title: z.string(),
  length: z.int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  clockRunning: z.boolean(),
});
export type LiveExerciseListing = z.infer<typeof listingSchema>;

const listSchema = z.object({ exercises: z.array(listingSchema) });
const createdSchema = z.object({ id: z.string() });
const problemSchema = z.object({ message: z.object({ nl: z.string(), en: z.string() }) });

/** What went wrong talking to the server, in both languages. */
export class ServerApiError extends Error {
  constructor(
    readonly status: number,
    readonly text: Text,
  ) {
    super(text.en);
  }
}

const UNREACHABLE: Text = {
  nl: 'De server is niet bereikbaar. Draait hij nog (npm start)?',
  en: 'The server cannot be reached. Is it still running (npm start)?',
};

async function call(path: string, secret: string | null, init: RequestInit = {}): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(path, {
      ...init,
      headers: {
        ...(init.body ? { 'content-type': 'application/json' } : {}),
        ...(secret === null ? {} : { authorization: `Bearer ${secret}` }),
      },
    });
  } catch {
    throw new ServerApiError(0, UNREACHABLE);
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) throw refusalOf(response.status, body);
  return body;
}

/** A refusal as the server words it (`problem`), or by its status when it gave no words. */
function refusalOf(status: number, body: unknown): ServerApiError {
  const problem = problemSchema.safeParse(body);
  return new ServerApiError(
    status,
    problem.success
      ? problem.data.message
      : { nl: `De server weigerde (${String(status)}).`, en: `The server refused (${String(status)}).` },
  );
}

const unexpected = (status: number): ServerApiError =>
  new ServerApiError(status, {
    nl: 'De server gaf een antwoord dat deze versie van Paraat niet begrijpt.',
    en: 'The server answered in a way this version of Paraat does not understand.',
  });

export async function listLiveExercises(secret: string): Promise<LiveExerciseListing[]> {
  const parsed = listSchema.safeParse(await call('/api/exercises', secret));
  if (!parsed.success) throw unexpected(200);
  return parsed.data.exercises;
}

/** A new exercise on the server, from a set-up; its id. */
export async function createLiveExercise(secret: string, setup: ExerciseSetup): Promise<string> {
  const parsed = createdSchema.safeParse(
    await call('/api/exercises', secret, { method: 'POST', body: JSON.stringify({ setup }) }),
  );
  if (!parsed.success) throw unexpected(201);
  return parsed.data.id;
}

/** A role-bound join code for the projector (the trainer's): its text is shown this once. */
export async function createJoinCode(
  secret: string,
  exerciseId: string,
  request: CreateJoinCode,
): Promise<CreatedJoinCode> {
  const parsed = createdJoinCodeSchema.safeParse(
    await call(`/api/exercises/${exerciseId}/join-codes`, secret, { method: 'POST', body: JSON.stringify(request) }),
  );
  if (!parsed.success) throw unexpected(201);
  return parsed.data;
}

/** The trainer lets a device in, turns it away, or removes it. */
export async function decideDevice(
  secret: string,
  exerciseId: string,
  deviceId: string,
  decision: 'approve' | 'refuse' | 'revoke',
): Promise<void> {
  await call(`/api/exercises/${exerciseId}/devices/${deviceId}/${decision}`, secret, { method: 'POST', body: '{}' });
}

/** A device asks to join with a code: it then waits for the trainer. */
export async function joinWithCode(code: string, deviceName: string): Promise<JoinPending> {
  const parsed = joinPendingSchema.safeParse(
    await call('/api/join', null, { method: 'POST', body: JSON.stringify({ code, deviceName }) }),
  );
  if (!parsed.success) throw unexpected(201);
  return parsed.data;
}

/** What became of a join; the server holds the answer up to `waitSeconds` while the trainer has not decided. */
export async function joinStatus(pending: JoinPending, waitSeconds = 25): Promise<JoinStatus> {
  const parsed = joinStatusSchema.safeParse(
    await call(`/api/join/${pending.pendingId}?wait=${String(waitSeconds)}`, pending.pendingSecret),
  );
  if (!parsed.success) throw unexpected(200);
  return parsed.data;
}

const uploadedSchema = z.object({
  id: z.string(),
  title: z.string(),
  headSeq: z.int(),
  headHash: z.string(),
  renumbered: z.boolean(),
});
export type UploadedExercise = z.infer<typeof uploadedSchema>;

const refusedFileSchema = z.object({
  error: z.literal('invalidFile'),
  message: z.object({ nl: z.string(), en: z.string() }),
  problems: z.array(z.object({ path: z.string(), message: z.object({ nl: z.string(), en: z.string() }) })),
});

/** The server would not take an exercise file: what it said, and each problem it found (the line, what is wrong). */
export class UploadRefusedError extends ServerApiError {
  constructor(
    status: number,
    text: Text,
    readonly problems: readonly Text[],
  ) {
    super(status, text);
  }
}

/**
 * A local exercise's file (its text, as exported) becomes a live exercise.
 * The server verifies it with the core's reader and answers only once it is
 * stored; a refusal carries the problems found.
 */
export async function uploadExerciseFile(secret: string, fileText: string): Promise<UploadedExercise> {
  let response: Response;
  try {
    response = await fetch('/api/exercises/upload', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${secret}` },
      body: fileText,
    });
  } catch {
    throw new ServerApiError(0, UNREACHABLE);
  }
  const body: unknown = await response.json().catch(() => null);
  if (response.ok) {
    const parsed = uploadedSchema.safeParse(body);
    if (!parsed.success) throw unexpected(response.status);
    return parsed.data;
  }
  const refused = refusedFileSchema.safeParse(body);
  if (refused.success)
    throw new UploadRefusedError(
      response.status,
      refused.data.message,
      refused.data.problems.map((problem) => problem.message),
    );
  throw refusalOf(response.status, body);
}

/**
 * A live exercise as the exercise file (`paraat.exercise-file/1`), checked
 * here with the core's reader as the import checks any file: the chain, the
 * head against the log, the replay. Refused when it is not to be trusted.
 */
export async function downloadExerciseFile(secret: string, id: string): Promise<{ file: ExerciseFile; text: string }> {
  const body = await call(`/api/exercises/${id}/file`, secret);
  const text = JSON.stringify(body, null, 2);
  const parsed = parseExerciseFile(text);
  if (!parsed.ok)
    throw new UploadRefusedError(
      200,
      {
        nl: 'Het logboek van de server is hier niet te vertrouwen.',
        en: 'The server’s log cannot be trusted here.',
      },
      parsed.errors.map((error) => error.message),
    );
  return { file: parsed.file, text };
}
