/**
 * The server's HTTP API as the trainer's device uses it (server/app.ts):
 * only the server that served this page is asked, with the admin secret as
 * a bearer token. What comes back is checked before it is used: the server
 * may be older or newer than this page.
 */
import * as z from 'zod/mini';
import type { Text } from '../../../machines';
import type { ExerciseSetup } from '../../core';

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

async function call(path: string, secret: string, init: RequestInit = {}): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(path, {
      ...init,
      headers: { ...(init.body ? { 'content-type': 'application/json' } : {}), authorization: `Bearer ${secret}` },
    });
  } catch {
    throw new ServerApiError(0, UNREACHABLE);
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const problem = problemSchema.safeParse(body);
    throw new ServerApiError(
      response.status,
      problem.success
        ? problem.data.message
        : {
            nl: `De server weigerde (${String(response.status)}).`,
            en: `The server refused (${String(response.status)}).`,
          },
    );
  }
  return body;
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
