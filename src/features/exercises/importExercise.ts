/**
 * Importing an exercise file: read it, check it (shape, hash chain, replay),
 * and only then store it as a new exercise. A file that is refused, or that
 * storage refuses, leaves every stored exercise as it was.
 */
import {
  importExerciseFile,
  MAX_EXERCISE_FILE_CHARS,
  parseExerciseFile,
  StorageWriteError,
  type ExerciseFileError,
  type ExerciseFileResult,
  type ExerciseRepository,
} from '../../session';

export type ImportState =
  | { status: 'idle' }
  | { status: 'reading'; fileName: string }
  | {
      status: 'imported';
      fileName: string;
      id: string;
      title: string;
      entries: number;
      finalHash: string;
      /** Its id was taken on this device: stored beside the other as a new exercise. */
      renumbered: boolean;
    }
  | { status: 'refused'; fileName: string; errors: ExerciseFileError[] }
  | { status: 'notStored'; fileName: string; reason: StorageWriteError['reason'] };

/** The text of a chosen file, checked. A file too large to be an exercise is not read at all. */
export async function readExerciseFile(file: Blob): Promise<ExerciseFileResult> {
  // UTF-8 takes at most four bytes a character: beyond this, the text is certainly too long.
  if (file.size > MAX_EXERCISE_FILE_CHARS * 4) return parseExerciseFile('x'.repeat(MAX_EXERCISE_FILE_CHARS + 1));
  let text: string;
  try {
    text = await file.text();
  } catch (error) {
    const problem = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      errors: [
        {
          path: '',
          message: {
            nl: `Het bestand kon niet worden gelezen (${problem}).`,
            en: `The file could not be read (${problem}).`,
          },
        },
      ],
    };
  }
  return parseExerciseFile(text);
}

/** Store a checked file's exercise; what became of it, for the screen to say. */
export async function storeImported(
  store: ExerciseRepository,
  fileName: string,
  result: ExerciseFileResult,
): Promise<Exclude<ImportState, { status: 'idle' | 'reading' }>> {
  if (!result.ok) return { status: 'refused', fileName, errors: result.errors };
  try {
    const { head, renumbered } = await importExerciseFile(store, result.file);
    return {
      status: 'imported',
      fileName,
      id: head.id,
      title: head.setup.title,
      entries: head.length,
      finalHash: result.file.finalHash,
      renumbered,
    };
  } catch (error) {
    if (!(error instanceof StorageWriteError)) console.error(error);
    return { status: 'notStored', fileName, reason: error instanceof StorageWriteError ? error.reason : 'unknown' };
  }
}
