/**
 * Moving between the two modes (issue #14 item 8), the HTTP side:
 *
 *   trainer  POST /api/exercises/upload     an exercise file (`paraat.exercise-file/1`) → a live exercise
 *   trainer  GET  /api/exercises/:id/file   a live exercise as that file
 *
 * An upload is read with the core's own reader (src/core/parseExerciseFile.ts,
 * the one the app's import uses): the text before it is parsed (size, depth,
 * `__proto__` keys), the shape, the hash chain line by line, the head against
 * the log, and the replay through the model. Anything it refuses is answered
 * with the reasons it gives, in Dutch and English, and nothing is stored.
 * What it accepts is stored as a new exercise in one transaction, head and
 * every entry, before the trainer is told; an id already on the server is
 * never overwritten: the exercise gets a new one and keeps the id its chain
 * was sealed under (`chainId`), as the app's import does.
 *
 * The admin secret is checked when the request arrives, before its body is
 * read, so nobody else can make the server read (or verify) a large body.
 */
import { randomBytes } from 'node:crypto';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  MAX_EXERCISE_FILE_CHARS,
  exerciseFile,
  exerciseFileName,
  parseExerciseFile,
  sealEntryWithText,
  type ExerciseHead,
  type LogEntry,
} from '../src/core';
import type { ExerciseHosts, Logger } from './exerciseHost';
import { StoreConflictError, type EventStore, type SealedEntry } from './store/eventStore';

/**
 * The body's bytes: the reader caps the text at MAX_EXERCISE_FILE_CHARS
 * characters, and a character of JavaScript text is at most three bytes of
 * UTF-8, so every file the app's import accepts fits.
 */
export const UPLOAD_BODY_LIMIT = 3 * MAX_EXERCISE_FILE_CHARS;

const bilingual = (nl: string, en: string) => ({ nl, en });

export interface ExerciseFilesDeps {
  store: EventStore;
  hosts: ExerciseHosts;
  now: () => number;
  log: Logger;
}

type AdminHook = (request: FastifyRequest, reply: FastifyReply) => Promise<void>;

/** The stored form of a verified entry: the canonical JSON its hash was computed over (the core's `sealEntryWithText`). */
function sealedOf(entry: LogEntry): SealedEntry {
  const { hash, ...unhashed } = entry;
  const sealed = sealEntryWithText(unhashed as Parameters<typeof sealEntryWithText>[0]);
  // The reader verified every hash; a difference here would be a bug, never something to store.
  if (sealed.entry.hash !== hash) throw new Error(`entry ${String(entry.seq)}: hash differs after verification`);
  return { entry, text: sealed.text };
}

const newId = () => randomBytes(16).toString('hex');

/** Fastify's own errors for a body it would not read, in the trainer's words. */
function bodyError(error: FastifyError, reply: FastifyReply) {
  if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE')
    return reply.code(413).send({
      error: 'tooLarge',
      message: bilingual(
        'Het bestand is te groot om te uploaden (meer dan 60 MB). Een oefening van een lange avond is minder dan 2 MB: is dit het goede bestand?',
        'The file is too large to upload (over 60 MB). A long evening’s exercise is under 2 MB: is this the right file?',
      ),
    });
  if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE')
    return reply.code(415).send({
      error: 'wrongType',
      message: bilingual(
        'Stuur het oefenbestand als JSON (Content-Type: application/json).',
        'Send the exercise file as JSON (Content-Type: application/json).',
      ),
    });
  const status = error.statusCode ?? 500;
  if (status >= 400 && status < 500)
    return reply.code(status).send({
      error: 'invalid',
      message: bilingual('Het verzoek kon niet worden gelezen.', 'The request could not be read.'),
    });
  return reply.code(500).send({
    error: 'internal',
    message: bilingual(
      'Er ging iets mis op de server; er is niets opgeslagen.',
      'Something went wrong on the server; nothing was stored.',
    ),
  });
}

export function registerExerciseFiles(app: FastifyInstance, deps: ExerciseFilesDeps, admin: AdminHook) {
  const { store, hosts, now, log } = deps;

  // Its own scope: the upload's body is the file's text, read by the core's reader, not by Fastify's JSON parser.
  void app.register((scope, _options, registered) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser(['application/json', 'text/plain'], { parseAs: 'string' }, (_request, body, done) => {
      done(null, body);
    });
    scope.setErrorHandler((error: FastifyError, _request, reply) => bodyError(error, reply));

    scope.post('/api/exercises/upload', { onRequest: admin, bodyLimit: UPLOAD_BODY_LIMIT }, async (request, reply) => {
      const text = typeof request.body === 'string' ? request.body : '';
      const parsed = parseExerciseFile(text);
      if (!parsed.ok) {
        log.info({ problems: parsed.errors.length }, 'exercise upload refused');
        return reply.code(422).send({
          error: 'invalidFile',
          message: bilingual(
            'Deze oefening is niet geüpload: het bestand is niet te lezen of niet te vertrouwen. Er is niets opgeslagen.',
            'This exercise was not uploaded: the file cannot be read or cannot be trusted. Nothing was stored.',
          ),
          problems: parsed.errors,
        });
      }
      const { file } = parsed;
      const entries = file.entries.map(sealedOf);
      const taken = (await store.head(file.head.id)) !== null;
      const head: ExerciseHead = taken
        ? { ...file.head, id: newId(), chainId: file.head.chainId ?? file.head.id }
        : file.head;
      try {
        // Head and every entry in one transaction: all of it is stored, or none.
        await store.create(head, entries);
      } catch (error) {
        if (!(error instanceof StoreConflictError)) throw error;
        return reply.code(409).send({
          error: 'conflict',
          message: bilingual(
            'Op hetzelfde moment kwam er een oefening met dit nummer bij. Probeer het opnieuw.',
            'An exercise with this number arrived at the same moment. Try again.',
          ),
        });
      }
      log.info(
        { exercise: head.id, title: head.setup.title, length: head.length, renumbered: taken },
        'exercise uploaded',
      );
      // A running clock goes on releasing injects on the server from now on.
      if (head.clock.running) await hosts.get(head.id);
      return reply.code(201).send({
        id: head.id,
        title: head.setup.title,
        headSeq: head.length,
        headHash: head.headHash,
        createdAt: head.createdAt,
        renumbered: taken,
      });
    });
    registered();
  });

  app.get<{ Params: { id: string } }>('/api/exercises/:id/file', { preHandler: admin }, async (request, reply) => {
    const head = await store.head(request.params.id);
    if (!head)
      return reply.code(404).send({
        error: 'unknownExercise',
        message: bilingual(
          'Deze oefening bestaat niet op deze server.',
          'This exercise does not exist on this server.',
        ),
      });
    // The entries the head counts: one stored after the head was read belongs to a later download.
    const entries = await store.entries(head.id, 0, head.length);
    const file = exerciseFile({ head, log: entries }, new Date(now()).toISOString());
    return reply
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(exerciseFileName(file))}`)
      .header('cache-control', 'no-store')
      .send(file);
  });
}
