/**
 * Moving an exercise to the server (issue #14 item 8), in the words to show:
 * a local exercise's file uploaded (the server checks the chain and replays
 * the log before it stores anything), or a new exercise created there from a
 * set-up. Loaded only when the trainer asks for it: it brings the API's
 * schemas and the file writer, which the first screen does without.
 */
import type { Language } from '../../i18n';
import type { ExerciseSetup } from '../../core/log';
import { storedExerciseFile } from '../exerciseFile';
import type { ExerciseReader } from '../repository';
import { ServerApiError, UploadRefusedError, createLiveExercise, uploadExerciseFile } from './serverApi';

/** How an upload went: the live exercise, or why not (the server's words, or the reader's). */
export type UploadOutcome =
  | { ok: true; id: string; title: string; length: number; renumbered: boolean }
  | { ok: false; message: string; problems: readonly string[]; unauthorized?: boolean };

export type Refused = Extract<UploadOutcome, { ok: false }>;

/** What the server (or the reader here) said against it, in this language. */
export function refusal(error: unknown, language: Language): Refused {
  const unauthorized = error instanceof ServerApiError && error.status === 401 ? { unauthorized: true } : {};
  if (error instanceof UploadRefusedError)
    return {
      ok: false,
      message: error.text[language],
      problems: error.problems.map((problem) => problem[language]),
      ...unauthorized,
    };
  if (error instanceof ServerApiError)
    return { ok: false, message: error.text[language], problems: [], ...unauthorized };
  return { ok: false, message: error instanceof Error ? error.message : String(error), problems: [] };
}

/** An exercise file's text, uploaded. */
export async function uploadText(secret: string, text: string, language: Language): Promise<UploadOutcome> {
  try {
    const uploaded = await uploadExerciseFile(secret, text);
    return {
      ok: true,
      id: uploaded.id,
      title: uploaded.title,
      length: uploaded.headSeq,
      renumbered: uploaded.renumbered,
    };
  } catch (error) {
    return refusal(error, language);
  }
}

/**
 * One of this device's exercises, uploaded as its exercise file; `gone` is
 * said when it is no longer stored here.
 */
export async function uploadStored(
  secret: string,
  store: ExerciseReader,
  id: string,
  nowIso: string,
  language: Language,
  gone: string,
): Promise<UploadOutcome> {
  let file;
  try {
    file = await storedExerciseFile(store, id, nowIso);
  } catch (error) {
    return refusal(error, language);
  }
  if (!file) return { ok: false, message: gone, problems: [] };
  return uploadText(secret, JSON.stringify(file, null, 2), language);
}

/** A new live exercise from a set-up, as the server's POST /api/exercises makes it; its id. */
export async function createLive(
  secret: string,
  setup: ExerciseSetup,
  language: Language,
): Promise<{ ok: true; id: string } | Refused> {
  try {
    return { ok: true, id: await createLiveExercise(secret, setup) };
  } catch (error) {
    return refusal(error, language);
  }
}
