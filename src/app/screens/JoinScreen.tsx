/**
 * A device joins a live exercise (issue #14 item 4): the code from the
 * projector (or its QR code's link), a name for the device, then waiting
 * until the trainer lets it in. The server sends nothing of the exercise
 * before that; once approved, the device token is kept on this device for
 * this exercise, so a reload or a lost connection needs no new code.
 */
import { useEffect, useState } from 'react';
import { Button, Form, Input, Label, TextField } from 'react-aria-components';
import { normalizeJoinCode, type JoinPending } from '../../core';
import { useLanguage, useTranslation } from '../../i18n';
import { writePreference } from '../../session/local/preferences';
import { ServerApiError, joinStatus, joinWithCode } from '../../session/remote/serverApi';

/** Where a device's token for an exercise is kept on this device. */
export const deviceTokenKey = (exerciseId: string) => `paraat.deviceToken.${exerciseId}`;

interface JoinScreenProps {
  code: string | null;
  headerControls: React.ReactNode;
  onJoined: (exerciseId: string) => void;
}

export function JoinScreen({ code: fromLink, headerControls, onJoined }: JoinScreenProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [code, setCode] = useState(fromLink ?? '');
  const [name, setName] = useState('');
  const [pending, setPending] = useState<JoinPending | null>(null);
  const [outcome, setOutcome] = useState<'refused' | 'revoked' | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    if (!pending) return;
    let stopped = false;
    // Read through a call: the effect's clean-up sets it while a request is out.
    const isStopped = () => stopped;
    const ask = async () => {
      while (!isStopped()) {
        try {
          const status = await joinStatus(pending);
          if (isStopped()) return;
          if (status.status === 'approved') {
            writePreference('device', deviceTokenKey(status.exerciseId), status.deviceToken);
            onJoined(status.exerciseId);
            return;
          }
          if (status.status !== 'pending') {
            setOutcome(status.status);
            return;
          }
        } catch (error) {
          if (isStopped()) return;
          setProblem(error instanceof ServerApiError ? error.text[language] : String(error));
          await new Promise((resolve) => setTimeout(resolve, 3_000));
        }
      }
    };
    void ask();
    return () => {
      stopped = true;
    };
  }, [pending, onJoined, language]);

  const submit = async () => {
    setProblem(null);
    try {
      setPending(await joinWithCode(normalizeJoinCode(code) ?? code, name));
    } catch (error) {
      setProblem(error instanceof ServerApiError ? error.text[language] : String(error));
    }
  };

  return (
    <>
      <header className="app-header">
        <div>
          <h1>{t('live.join.title')}</h1>
        </div>
        {headerControls}
      </header>
      <main id="main" tabIndex={-1} className="live-home">
        {problem && (
          <p className="banner banner--error" role="alert">
            {problem}
          </p>
        )}
        {outcome ? (
          <p role="alert">{t(`live.join.${outcome}`)}</p>
        ) : pending ? (
          <p role="status">{t('live.join.waiting', { role: t(`role.${pending.role}`) })}</p>
        ) : (
          <Form
            onSubmit={(event) => {
              event.preventDefault();
              void submit();
            }}
          >
            <p>{t('live.join.help')}</p>
            <TextField value={code} onChange={setCode} isRequired autoFocus>
              <Label>{t('live.join.code')}</Label> <Input autoComplete="off" spellCheck={false} />
            </TextField>
            <TextField value={name} onChange={setName} isRequired>
              <Label>{t('live.join.name')}</Label> <Input autoComplete="off" />
            </TextField>
            <Button type="submit" className="button button--primary">
              {t('live.join.submit')}
            </Button>
          </Form>
        )}
      </main>
    </>
  );
}
