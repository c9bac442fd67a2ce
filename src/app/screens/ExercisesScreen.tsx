import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
// Direct module paths: the list must not pull in the statechart, hashing or the file parsers.
import { exerciseFileName, storedExerciseFile } from '../../session/exerciseFile';
import { StorageWriteError, type ExerciseReader, type ExerciseRepository } from '../../session/repository';
import type { ExerciseSetup } from '../../core/log';
import { downloadText } from '../../ui/download';
import { useLanguage, useTranslation } from '../../i18n';
import { ExerciseList, type ListedExercise, type MakeLiveActions } from '../../features/exercises/ExerciseList';
import type { MakeLiveState } from '../../features/exercises/MakeLive';
import { useServerPresence } from '../../session/remote/serverPresence';
import { forgetAdminSecret, readAdminSecret, rememberAdminSecret } from '../../session/remote/adminSecret';
import type * as MakeLive from '../../session/remote/makeLive';
import { navigate } from '../route';
import { ImportAlert, ImportExerciseControl, ImportStatus } from '../../features/exercises/ImportExercise';
import { ProblemBanner } from '../../features/exercises/ProblemBanner';
import type { ImportState } from '../../features/exercises/importExercise';
import '../../features/exercises/exercises.css';

// Loaded when asked for, not with the list (initialJs, npm run bench:check): the set-up form with
// its scenario parser, the session that creates an exercise (statechart, hashing), and the file checks.
const NewExerciseForm = lazy(() =>
  import('../../features/exercises/NewExerciseForm').then((module) => ({ default: module.NewExerciseForm })),
);
const loadSession = () => import('../../session/session');
const loadImport = () => import('../../features/exercises/importExercise');
const loadLive = () => import('../../session/remote/makeLive');

/** The Paraat server this page came from, as the list and the form use it (issue #14 item 8). */
export interface LiveServer {
  /** One of this device's exercises uploaded as its exercise file; `gone` is said when it is no longer here. */
  uploadStored: typeof MakeLive.uploadStored;
  /** A new exercise made on the server from a set-up. */
  createLive: typeof MakeLive.createLive;
}

/** The server's API, loaded with the first use: the list itself loads none of it. */
export const paraatServer: LiveServer = {
  uploadStored: async (...args) => (await loadLive()).uploadStored(...args),
  createLive: async (...args) => (await loadLive()).createLive(...args),
};

const failed = (error: unknown): MakeLive.Refused => ({
  ok: false,
  message: error instanceof Error ? error.message : String(error),
  problems: [],
});

export interface ExercisesScreenProps {
  store: ExerciseRepository;
  onOpen: (id: string) => void;
  /** The wall clock (epoch ms); stories and tests pass a fixed one. */
  now?: () => number;
  /** Offers a file to save; stories and tests pass a spy. */
  download?: (fileName: string, text: string) => void;
  /**
   * The Paraat server that served this page, or null when none. By default it
   * is asked (GET /healthz); stories and tests pass their own.
   */
  server?: LiveServer | null;
  /** Opens a live exercise (after it was made live); by default its console, #/live/<id>. */
  onOpenLive?: (id: string) => void;
}

/** The saved exercises with their logs' fingerprints (the hash of the last entry, kept in the head). */
async function listed(store: ExerciseReader): Promise<ListedExercise[]> {
  const summaries = await store.list();
  const heads = await Promise.all(summaries.map((summary) => store.head(summary.id)));
  return summaries.map((summary, index) => {
    const finalHash = heads[index]?.headHash;
    return finalHash ? { ...summary, finalHash } : summary;
  });
}

type Mode = { screen: 'list'; focusNew: boolean } | { screen: 'new' };

/**
 * The start screen: the saved exercises, and the set-up of a new one. A write
 * that fails is said (role="alert"), never silent, and the form keeps what the
 * trainer typed — also when they go back to the list to make room.
 */
export function ExercisesScreen({
  store,
  onOpen,
  now = Date.now,
  download = downloadText,
  server,
  onOpenLive = (id) => {
    navigate({ screen: 'liveExercise', id });
  },
}: ExercisesScreenProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const presence = useServerPresence(server === undefined);
  // Off a server there is no "Live zetten" at all: nothing there could take the exercise.
  const live = server === undefined ? (presence === 'server' ? paraatServer : null) : server;
  const [liveStates, setLiveStates] = useState<Readonly<Partial<Record<string, MakeLiveState>>>>({});
  const [creatingLive, setCreatingLive] = useState(false);
  // Null until the first read: the list says it is reading rather than "no exercises yet".
  const [exercises, setExercises] = useState<ListedExercise[] | null>(null);
  const [mode, setMode] = useState<Mode>({ screen: 'list', focusNew: false });
  // Input of a create that could not be stored; the form starts from it next time.
  const [unsaved, setUnsaved] = useState<ExerciseSetup | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [notice, setNotice] = useState('');
  const [imported, setImported] = useState<ImportState>({ status: 'idle' });
  // A file chosen while another is still being read wins; the earlier result is dropped.
  const lastImport = useRef(0);

  // Only the newest read counts: an older one may finish last.
  const reads = useRef(0);
  const reload = useCallback(() => {
    const mine = ++reads.current;
    listed(store).then(
      (found) => {
        if (mine === reads.current) setExercises(found);
      },
      (error: unknown) => {
        console.error(error);
        if (mine === reads.current) setProblem(t('exercises.problem.unreadable'));
      },
    );
  }, [store, t]);

  /** A new message replaces the last, whichever action it came from. */
  const clearMessages = () => {
    setProblem(null);
    setNotice('');
    setImported({ status: 'idle' });
  };

  // Another tab may add or delete exercises on this device.
  useEffect(() => {
    reload();
    return store.subscribe(reload);
  }, [store, reload]);

  const problemOf = (action: 'create' | 'duplicate' | 'delete', error: unknown) => {
    if (!(error instanceof StorageWriteError)) console.error(error);
    const reason = error instanceof StorageWriteError ? error.reason : 'unknown';
    return t(`exercises.problem.${action}`, { reason: t(`exercises.problem.${reason}`) });
  };

  const titleOf = (id: string) => exercises?.find((exercise) => exercise.id === id)?.title ?? '';

  const create = (setup: ExerciseSetup) => {
    void loadSession().then(async ({ createExercise }) => {
      let id: string;
      try {
        id = (await createExercise(store, setup, now)).id;
      } catch (error) {
        setUnsaved(setup);
        setProblem(problemOf('create', error));
        reload();
        return;
      }
      setUnsaved(null);
      setProblem(null);
      reload();
      onOpen(id);
    });
  };

  const duplicate = (id: string) => {
    clearMessages();
    void (async () => {
      const head = await store.head(id).catch(() => null);
      if (!head) {
        setProblem(t('exercises.problem.gone'));
        reload();
        return;
      }
      const setup = { ...head.setup, title: `${head.setup.title}${t('exercises.copySuffix')}` };
      const { createExercise } = await loadSession();
      try {
        await createExercise(store, setup, now);
        setNotice(t('exercises.notice.duplicated', { title: setup.title }));
      } catch (error) {
        setProblem(problemOf('duplicate', error));
      }
      reload();
    })();
  };

  const remove = (id: string) => {
    clearMessages();
    const title = titleOf(id);
    store.remove(id).then(
      () => {
        setNotice(t('exercises.notice.deleted', { title }));
        reload();
      },
      (error: unknown) => {
        setProblem(problemOf('delete', error));
        reload();
      },
    );
  };

  // Nothing is stored unless the whole file checks out (shape, hash chain, replay).
  const importFile = (file: File) => {
    clearMessages();
    setImported({ status: 'reading', fileName: file.name });
    const attempt = ++lastImport.current;
    void loadImport().then(async ({ readExerciseFile, storeImported }) => {
      const result = await readExerciseFile(file);
      if (attempt !== lastImport.current) return;
      const stored = await storeImported(store, file.name, result);
      if (attempt !== lastImport.current) return;
      setImported(stored);
      reload();
    });
  };

  const exportExercise = (id: string) => {
    clearMessages();
    const title = titleOf(id);
    storedExerciseFile(store, id, new Date(now()).toISOString()).then(
      (file) => {
        if (!file) {
          setProblem(t('exercises.problem.gone'));
          reload();
          return;
        }
        const name = exerciseFileName(file);
        download(name, JSON.stringify(file, null, 2));
        setNotice(t('exerciseFile.exported', { title, name }));
      },
      (error: unknown) => {
        console.error(error);
        setProblem(t('exerciseFile.exportFailed', { title }));
      },
    );
  };

  const liveState = (id: string, state: MakeLiveState | null) => {
    setLiveStates((states) => {
      const others = Object.fromEntries(Object.entries(states).filter(([other]) => other !== id));
      return state ? { ...others, [id]: state } : others;
    });
  };

  const uploadTo = (target: LiveServer, id: string, secret: string) => {
    liveState(id, { state: 'uploading' });
    void target
      .uploadStored(secret, store, id, new Date(now()).toISOString(), language, t('exercises.problem.gone'))
      .catch(failed)
      .then((outcome) => {
        if (outcome.ok) {
          liveState(id, null);
          onOpenLive(outcome.id);
          return;
        }
        // A secret the server refused is not kept: the next attempt asks for it again.
        if (outcome.unauthorized) forgetAdminSecret();
        liveState(id, { state: 'refused', message: outcome.message, problems: outcome.problems });
      });
  };

  const makeLive: MakeLiveActions | undefined = live
    ? {
        states: liveStates,
        onMakeLive: (id) => {
          clearMessages();
          const secret = readAdminSecret();
          if (secret) uploadTo(live, id, secret);
          else liveState(id, { state: 'askSecret' });
        },
        onSecret: (id, secret) => {
          rememberAdminSecret(secret);
          uploadTo(live, id, secret);
        },
        onCancel: (id) => {
          liveState(id, null);
        },
      }
    : undefined;

  const createLive = (target: LiveServer, setup: ExerciseSetup, typed: string | null) => {
    const secret = typed ?? readAdminSecret();
    if (!secret) return;
    if (typed) rememberAdminSecret(typed);
    setCreatingLive(true);
    setProblem(null);
    void target
      .createLive(secret, setup, language)
      .catch(failed)
      .then((created) => {
        setCreatingLive(false);
        if (created.ok) {
          setUnsaved(null);
          onOpenLive(created.id);
          return;
        }
        if (created.unauthorized) forgetAdminSecret();
        setUnsaved(setup);
        setProblem(t('exercises.live.createRefused', { reason: created.message }));
      });
  };

  if (mode.screen === 'new')
    return (
      <Suspense fallback={<p role="status">{t('exercises.form.title')}</p>}>
        <NewExerciseForm
          now={now()}
          initial={unsaved ?? undefined}
          problem={problem}
          onCreate={create}
          {...(live
            ? {
                live: {
                  secretKnown: readAdminSecret() !== null,
                  creating: creatingLive,
                  onCreate: (setup: ExerciseSetup, secret: string | null) => {
                    createLive(live, setup, secret);
                  },
                },
              }
            : {})}
          onCancel={() => {
            setProblem(null);
            setNotice(unsaved ? t('exercises.notice.draftKept', { title: unsaved.title }) : '');
            setMode({ screen: 'list', focusNew: true });
          }}
        />
      </Suspense>
    );

  return (
    <div className="exercises-screen">
      <div className="exercises-alert" role="alert">
        <ProblemBanner problem={problem} />
        <ImportAlert state={imported} />
      </div>
      <div className="exercises-notice" role="status">
        {notice && <p className="exercises-banner exercises-banner--notice">{notice}</p>}
        <ImportStatus state={imported} />
      </div>
      {exercises === null ? (
        <p role="status">{t('app.loadingExercise')}</p>
      ) : (
        <ExerciseList
          exercises={exercises}
          focusNew={mode.focusNew}
          onOpen={onOpen}
          onDuplicate={duplicate}
          onExport={exportExercise}
          importControl={<ImportExerciseControl onChoose={importFile} />}
          onDelete={remove}
          {...(makeLive ? { makeLive } : {})}
          onNew={() => {
            clearMessages();
            setMode({ screen: 'new' });
          }}
        />
      )}
    </div>
  );
}
