/**
 * Live sessions on the Paraat server (issue #14), the trainer's side: the
 * exercises on the server, a new one from a built-in scenario, and the
 * console on a live exercise. The admin secret arrives once in the admin link
 * the server prints (`#/live?sleutel=…`); the app keeps it for this tab only
 * and takes it out of the address bar at once, so it never stands on a
 * projected screen.
 */
import { Suspense, lazy, useEffect, useMemo, useState } from 'react';
import { Button, Form, Input, Label, TextField } from 'react-aria-components';
import { useLanguage, useTranslation } from '../../i18n';
import { mayActAsOthers } from '../../core';
import { BUILT_IN_SCENARIOS, scenarioToSetup } from '../../scenarios';
import { parseScenario } from '../../scenarios/parseScenario';
import { readPreference } from '../../session/local/preferences';
import { readAdminSecret, rememberAdminSecret } from '../../session/remote/adminSecret';
import { refusal, uploadText, type UploadOutcome } from '../../session/remote/makeLive';
import { SessionContext } from '../../session/useSession';
import {
  ServerApiError,
  createJoinCode,
  createLiveExercise,
  decideDevice,
  downloadExerciseFile,
  listLiveExercises,
  type LiveExerciseListing,
} from '../../session/remote/serverApi';
import { exerciseFileName, storedExerciseFile } from '../../session/exerciseFile';
import { MAX_EXERCISE_FILE_CHARS, tooLarge } from '../../core';
import type { ExerciseReader } from '../../session/repository';
import type { Language } from '../../i18n';
import { downloadText } from '../../ui/download';
import { LiveExerciseList } from '../../features/live/LiveExerciseList';
import { UploadPanel, type LocalExerciseRow } from '../../features/live/UploadPanel';
import { useLiveExercise } from '../../session/remote/useLiveExercise';
import { liveExerciseReader } from '../../session/remote/liveExerciseReader';
import { LiveBanner } from '../../features/live/LiveBanner';
import { ReloadScreen } from '../../features/live/ReloadScreen';
import { DevicesPanel } from '../../features/live/DevicesPanel';
import { deviceTokenKey } from './JoinScreen';

const DebriefScreen = lazy(() => import('./DebriefScreen'));
const ConsoleScreen = lazy(() => import('./ConsoleScreen').then((module) => ({ default: module.ConsoleScreen })));

/** The admin secret for this tab: from the admin link once (then out of the address bar), else as remembered. */
export function useAdminSecret(fromLink: string | null): [string | null, (secret: string) => void] {
  const [secret, setSecret] = useState<string | null>(() => fromLink ?? readAdminSecret());
  useEffect(() => {
    if (fromLink === null) return;
    rememberAdminSecret(fromLink);
    window.history.replaceState(null, '', `${window.location.pathname}${window.location.search}#/live`);
  }, [fromLink]);
  return [
    secret,
    (given: string) => {
      rememberAdminSecret(given);
      setSecret(given);
    },
  ];
}

interface LiveHomeProps {
  secretFromLink: string | null;
  headerControls: React.ReactNode;
  onOpen: (id: string) => void;
  /** This device's exercises (IndexedDB), to upload one; null when there is no storage here. */
  local?: ExerciseReader | null;
}

export const liveExerciseHref = (id: string) => `#/live/${id}`;
export const liveDebriefHref = (id: string) => `#/live/${id}/nabespreking`;

function refusedLocally(result: ReturnType<typeof tooLarge>, language: Language): UploadOutcome {
  return result.ok
    ? { ok: false, message: '', problems: [] }
    : { ok: false, message: result.errors.map((error) => error.message[language]).join(' '), problems: [] };
}

/** The trainer's list of live exercises on this server, and a new one. */
export function LiveHome({ secretFromLink, headerControls, onOpen, local = null }: LiveHomeProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [secret, setSecret] = useAdminSecret(secretFromLink);
  const [exercises, setExercises] = useState<LiveExerciseListing[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [scenarioId, setScenarioId] = useState(BUILT_IN_SCENARIOS[0]?.id ?? '');
  const [busy, setBusy] = useState(false);
  const [listed, setListed] = useState(0);
  const [arrivedId, setArrivedId] = useState<string | null>(null);
  const [downloadingId, setDownloadingId] = useState<string | null>(null);
  const [downloaded, setDownloaded] = useState<string | null>(null);
  const [localRows, setLocalRows] = useState<readonly LocalExerciseRow[] | null | 'unavailable'>(
    local ? null : 'unavailable',
  );

  useEffect(() => {
    if (!secret) return;
    let cancelled = false;
    listLiveExercises(secret).then(
      (listed) => {
        if (!cancelled) setExercises(listed);
      },
      (error: unknown) => {
        if (!cancelled) setProblem(error instanceof ServerApiError ? error.text[language] : String(error));
      },
    );
    return () => {
      cancelled = true;
    };
  }, [secret, language, listed]);

  useEffect(() => {
    if (!local) return;
    let cancelled = false;
    local.list().then(
      (summaries) => {
        if (!cancelled) setLocalRows(summaries);
      },
      () => {
        if (!cancelled) setLocalRows('unavailable');
      },
    );
    return () => {
      cancelled = true;
    };
  }, [local]);

  const download = async (id: string) => {
    if (!secret) return;
    setDownloadingId(id);
    setProblem(null);
    setDownloaded(null);
    try {
      const { file, text } = await downloadExerciseFile(secret, id);
      const name = exerciseFileName(file);
      downloadText(name, text);
      setDownloaded(t('live.home.downloaded', { title: file.head.setup.title, file: name }));
    } catch (error) {
      const refused = refusal(error, language);
      setProblem([refused.message, ...refused.problems].join(' '));
    } finally {
      setDownloadingId(null);
    }
  };

  const uploadLocal = async (id: string): Promise<UploadOutcome> => {
    if (!secret || !local) return { ok: false, message: t('live.upload.localUnavailable'), problems: [] };
    const file = await storedExerciseFile(local, id, new Date().toISOString());
    if (!file) return { ok: false, message: t('live.upload.noLocal'), problems: [] };
    return uploadText(secret, JSON.stringify(file, null, 2), language);
  };

  const uploadFile = async (file: File): Promise<UploadOutcome> => {
    if (!secret) return { ok: false, message: t('live.home.secretHelp'), problems: [] };
    // A character is at most three bytes: a larger file cannot be one the reader takes, so it is not read at all.
    if (file.size > MAX_EXERCISE_FILE_CHARS * 3) return refusedLocally(tooLarge(), language);
    return uploadText(secret, await file.text(), language);
  };

  const create = async () => {
    if (!secret) return;
    const builtIn = BUILT_IN_SCENARIOS.find((scenario) => scenario.id === scenarioId);
    if (!builtIn) return;
    setBusy(true);
    setProblem(null);
    try {
      const parsed = parseScenario(await (await fetch(`${import.meta.env.BASE_URL}${builtIn.file}`)).text());
      if (!parsed.ok) throw new Error(parsed.errors[0]?.message[language] ?? builtIn.file);
      onOpen(
        await createLiveExercise(secret, { ...scenarioToSetup(parsed.scenario, language), scenario: parsed.scenario }),
      );
    } catch (error) {
      setProblem(error instanceof ServerApiError ? error.text[language] : String(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <header className="app-header">
        <div>
          <h1>{t('live.home.title')}</h1>
          <p className="app-header__tagline">{t('live.home.tagline')}</p>
        </div>
        {headerControls}
      </header>
      <main id="main" tabIndex={-1} className="live-home">
        <p>
          <a href="#/">{t('live.home.back')}</a>
        </p>
        {problem && (
          <p className="banner banner--error" role="alert">
            {problem}
          </p>
        )}
        {!secret ? (
          <SecretForm onSecret={setSecret} />
        ) : (
          <>
            <section aria-labelledby="live-new">
              <h2 id="live-new">{t('live.home.new')}</h2>
              <Form
                onSubmit={(event) => {
                  event.preventDefault();
                  void create();
                }}
              >
                <label htmlFor="live-scenario">{t('live.home.scenario')}</label>{' '}
                <select
                  id="live-scenario"
                  value={scenarioId}
                  onChange={(event) => {
                    setScenarioId(event.target.value);
                  }}
                >
                  {BUILT_IN_SCENARIOS.map((scenario) => (
                    <option key={scenario.id} value={scenario.id}>
                      {scenario.title[language]}
                    </option>
                  ))}
                </select>{' '}
                <Button type="submit" className="button button--primary" isDisabled={busy}>
                  {t('live.home.create')}
                </Button>
              </Form>
            </section>
            <section aria-labelledby="live-list">
              <h2 id="live-list">{t('live.home.list')}</h2>
              {downloaded && (
                <p className="banner banner--ok" role="status">
                  {downloaded}
                </p>
              )}
              {exercises === null ? (
                <p role="status">{t('live.home.loading')}</p>
              ) : exercises.length === 0 ? (
                <p>{t('live.home.none')}</p>
              ) : (
                <LiveExerciseList
                  exercises={exercises}
                  openHref={liveExerciseHref}
                  debriefHref={liveDebriefHref}
                  onDownload={(id) => {
                    void download(id);
                  }}
                  arrivedId={arrivedId}
                  downloadingId={downloadingId}
                />
              )}
            </section>
            <UploadPanel
              local={localRows}
              onUploadLocal={uploadLocal}
              onUploadFile={uploadFile}
              onUploaded={(id) => {
                setArrivedId(id);
                setListed((count) => count + 1);
              }}
              openHref={liveExerciseHref}
            />
          </>
        )}
      </main>
    </>
  );
}

function SecretForm({ onSecret }: { onSecret: (secret: string) => void }) {
  const { t } = useTranslation();
  const [value, setValue] = useState('');
  return (
    <Form
      onSubmit={(event) => {
        event.preventDefault();
        if (value.trim() !== '') onSecret(value.trim());
      }}
    >
      <p>{t('live.home.secretHelp')}</p>
      <TextField value={value} onChange={setValue} type="password" isRequired>
        <Label>{t('live.home.secret')}</Label> <Input autoComplete="off" />
      </TextField>{' '}
      <Button type="submit" className="button button--primary">
        {t('live.home.useSecret')}
      </Button>
    </Form>
  );
}

interface LiveExerciseScreenProps {
  id: string;
  headerControls: React.ReactNode;
  onBack: () => void;
}

/**
 * The console on a live exercise, with the connection always in view: with
 * this device's token when it joined with a code, else the trainer's secret.
 */
export function LiveExerciseScreen({ id, headerControls, onBack }: LiveExerciseScreenProps) {
  const [secret] = useAdminSecret(null);
  const token = readPreference('device', deviceTokenKey(id));
  if (token) return <LiveConsole id={id} token={token} secret={null} headerControls={headerControls} onBack={onBack} />;
  if (!secret) return <LiveHome secretFromLink={null} headerControls={headerControls} onOpen={() => undefined} />;
  return <LiveConsole id={id} token={secret} secret={secret} headerControls={headerControls} onBack={onBack} />;
}

/**
 * The debrief of a live exercise (issue #14 item 8): the same screen as on
 * one device, reading the server's log (checked here with the core's reader),
 * never a copy kept on this device. The trainer's: it needs the admin secret.
 */
export function LiveDebrief({ id, headerControls }: { id: string; headerControls: React.ReactNode }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [secret] = useAdminSecret(null);
  const reader = useMemo(() => (secret ? liveExerciseReader(secret, language) : null), [secret, language]);
  // A device that joined with a code may not read the whole log (the server gives the file to the trainer only).
  if (!reader && readPreference('device', deviceTokenKey(id)))
    return <DebriefOnJoinedDevice id={id} headerControls={headerControls} />;
  if (!reader) return <LiveHome secretFromLink={null} headerControls={headerControls} onOpen={() => undefined} />;
  return (
    <Suspense fallback={<p role="status">{t('debrief.title')}</p>}>
      <DebriefScreen
        key={id}
        store={reader}
        id={id}
        headerControls={headerControls}
        consoleHref={liveExerciseHref(id)}
        exercisesHref="#/live"
        source={t('live.debrief.fromServer')}
        runsFrom="listing"
      />
    </Suspense>
  );
}

/** The debrief's address opened on a player's device: where the debrief is, instead of a screen that cannot load. */
function DebriefOnJoinedDevice({ id, headerControls }: { id: string; headerControls: React.ReactNode }) {
  const { t } = useTranslation();
  return (
    <>
      <header className="app-header">
        <div>
          <h1>{t('live.debriefOnDevice.title')}</h1>
        </div>
        {headerControls}
      </header>
      <main id="main" tabIndex={-1} className="live-home">
        <p className="banner" role="status">
          {t('live.debriefOnDevice.text')}
        </p>
        <p>
          <a href={liveExerciseHref(id)}>{t('live.debriefOnDevice.back')}</a>
        </p>
      </main>
    </>
  );
}

function LiveConsole({
  id,
  token,
  secret,
  headerControls,
  onBack,
}: LiveExerciseScreenProps & { token: string; secret: string | null }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { state, session } = useLiveExercise(id, token);
  const [showDevices, setShowDevices] = useState(false);
  const loading = t('app.loadingExercise');
  const banner = (
    <LiveBanner
      connection={state.connection}
      waiting={state.waiting}
      role={state.role}
      chainProblem={state.chainProblem}
    />
  );
  if (state.connection.state === 'incompatible')
    return (
      <ReloadScreen
        reason={state.connection.reason}
        message={state.connection.message}
        onReload={() => {
          window.location.reload();
        }}
      />
    );
  if (!session)
    return (
      <>
        {banner}
        <p role="status">{loading}</p>
      </>
    );
  const cast = session.getState().head.setup.cast;
  const person = state.person;
  // Not the trainer's device: it acts as the person its token names, and only them.
  const actingFixed =
    state.role && !mayActAsOthers(state.role) && person
      ? (cast.find((member) => member.id === person.castMemberId) ?? {
          id: person.castMemberId ?? 'device',
          role: person.role,
          name: person.name,
          ...(person.municipality === undefined ? {} : { municipality: person.municipality }),
        })
      : undefined;
  const pending = state.devices?.devices.filter((device) => device.status === 'pending').length ?? 0;
  const trainerParts = secret && (
    <>
      <p className="live-devices-toggle">
        <button
          type="button"
          aria-expanded={showDevices}
          aria-controls="live-devices"
          onClick={() => {
            setShowDevices(!showDevices);
          }}
        >
          {t('live.devices.show')} ({t('live.devices.waiting', { count: pending })})
        </button>
      </p>
      <div id="live-devices">
        {showDevices && (
          <DevicesPanel
            devices={state.devices}
            offline={state.connection.state !== 'live'}
            cast={cast}
            joinLink={(code) => `${window.location.origin}${window.location.pathname}#/join?code=${code}`}
            onCreateCode={async (role, castMemberId) => {
              try {
                return await createJoinCode(secret, id, { role, ...(castMemberId ? { castMemberId } : {}) });
              } catch (error) {
                throw error instanceof ServerApiError ? new Error(error.text[language]) : error;
              }
            }}
            onDecide={async (deviceId, decision) => {
              try {
                await decideDevice(secret, id, deviceId, decision);
              } catch (error) {
                throw error instanceof ServerApiError ? new Error(error.text[language]) : error;
              }
            }}
          />
        )}
      </div>
    </>
  );
  return (
    <SessionContext.Provider value={session}>
      <Suspense fallback={<p role="status">{loading}</p>}>
        <ConsoleScreen
          volatile={false}
          headerControls={headerControls}
          onBack={onBack}
          {...(secret ? { debriefHref: liveDebriefHref(id) } : {})}
          {...(actingFixed ? { actingFixed } : {})}
          banner={
            <>
              {banner}
              {trainerParts}
            </>
          }
        />
      </Suspense>
    </SessionContext.Provider>
  );
}
