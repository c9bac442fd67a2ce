/**
 * The shape of an exercise file, `paraat.exercise-file/1` (./exerciseFile.ts):
 * head, log entries, final hash. The head and the entries are the core's own
 * schemas (src/core/log.ts), which cap every string and list and check every
 * closed vocabulary against the model's lists; the file adds its envelope and
 * caps the number of entries one file may bring.
 *
 * The schema only checks; it never changes a value (no trimming, no
 * defaults): the log's hashes were computed over the entries exactly as they
 * were written, so what is stored after an import is the file's own value,
 * not zod's output.
 */
import * as z from 'zod/mini';
import { exerciseHeadSchema, hashSchema, instantSchema, LOG_LIMITS, logEntrySchema } from './log';
import { EXERCISE_FILE_FORMAT } from './exerciseFile';

export { exerciseHeadSchema } from './log';

/** The caps an imported file is held to: the core's, so a file holds what a host would accept. */
export const EXERCISE_FILE_LIMITS = LOG_LIMITS;

export const exerciseFileSchema = z.object({
  format: z.literal(EXERCISE_FILE_FORMAT),
  exportedAt: instantSchema,
  finalHash: hashSchema,
  head: exerciseHeadSchema,
  entries: z.array(logEntrySchema).check(z.minLength(1), z.maxLength(LOG_LIMITS.entries)),
});
