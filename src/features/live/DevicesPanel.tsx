import { useEffect, useState } from 'react';
import { Button } from 'react-aria-components';
import type { Role } from '../../../machines';
import { JOINABLE_ROLES, type CastMember, type CreatedJoinCode, type DevicesView } from '../../core';
import { useLanguage, useTranslation } from '../../i18n';
import { formatWallDateTime } from '../../i18n/format';
import { joinCodeState } from './joinCodeState';
import { QrCode } from './QrCode';
import './live.css';

export interface DevicesPanelProps {
  devices: DevicesView | null;
  cast: readonly CastMember[];
  /** Where a device opens the join screen, code included: shown as text and as a QR code. */
  joinLink: (code: string) => string;
  onCreateCode: (role: Exclude<Role, 'trainer'>, castMemberId: string | undefined) => Promise<CreatedJoinCode>;
  onDecide: (deviceId: string, decision: 'approve' | 'refuse' | 'revoke') => Promise<void>;
  /**
   * This device has no connection to the server now: the room is as the server last told it, so who
   * is connected is shown as last known, not as fact.
   */
  offline?: boolean;
  /** This device's clock, to tell when a join code expires (a parameter for tests and stories). */
  now?: () => number;
}

/** Longest a browser timer waits (about 24.8 days); a code valid longer is looked at again then. */
const LONGEST_TIMER = 2 ** 31 - 1;

/**
 * The trainer's view of the room (issue #14 item 4): a join code per role
 * (or per cast member) to show on the projector, the devices waiting to be let
 * in, and those in, with a way to remove each. The server enforces all of it:
 * a device gets nothing of the exercise before the trainer approves it.
 */
export function DevicesPanel({
  devices,
  cast,
  joinLink,
  onCreateCode,
  onDecide,
  offline = false,
  now = Date.now,
}: DevicesPanelProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  // Who a join code may bring in: the protocol's joinable roles (the trainer's devices use the admin secret).
  const players = cast.filter((member) => (JOINABLE_ROLES as readonly Role[]).includes(member.role));
  const [memberId, setMemberId] = useState(players[0]?.id ?? '');
  const [code, setCode] = useState<CreatedJoinCode | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const pending = devices?.devices.filter((device) => device.status === 'pending') ?? [];
  const admitted = devices?.devices.filter((device) => device.status === 'approved') ?? [];
  const [checkedAt, setCheckedAt] = useState(now);
  // The code made here, as the server last told it (uses left, revoked), until then as it was made.
  const shown = code && (devices?.joinCodes.find((view) => view.id === code.id) ?? code);
  const shownState = shown && joinCodeState(shown, checkedAt);
  const codes = [...(devices?.joinCodes ?? [])].sort((a, b) => b.createdAt.localeCompare(a.createdAt));

  // Look at the clock again when the next usable code expires (the one on show or one in the list),
  // so none is shown as usable after that.
  const expiries = [...(shown ? [shown] : []), ...codes]
    .filter((view) => joinCodeState(view, checkedAt) === 'usable')
    .map((view) => Date.parse(view.expiresAt));
  const nextExpiry = expiries.length > 0 ? Math.min(...expiries) : null;
  useEffect(() => {
    if (nextExpiry === null) return;
    const timer = setTimeout(
      () => {
        setCheckedAt(now());
      },
      Math.min(Math.max(0, nextExpiry - now()), LONGEST_TIMER),
    );
    return () => {
      clearTimeout(timer);
    };
  }, [nextExpiry, now]);

  const create = async () => {
    const member = players.find((candidate) => candidate.id === memberId);
    if (!member || member.role === 'trainer') return; // for the type: the list above already leaves the trainer out
    setProblem(null);
    try {
      const created = await onCreateCode(member.role, member.id);
      setCheckedAt(now());
      setCode(created);
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    }
  };
  const connectedText = (connected: boolean) => {
    const status = connected ? t('live.devices.connected') : t('live.devices.away');
    return offline ? t('live.devices.lastKnown', { status }) : status;
  };
  const decide = (deviceId: string, decision: 'approve' | 'refuse' | 'revoke') => {
    onDecide(deviceId, decision).catch((error: unknown) => {
      setProblem(error instanceof Error ? error.message : String(error));
    });
  };

  return (
    <section className="devices-panel" aria-labelledby="devices-title">
      <h2 id="devices-title">{t('live.devices.title')}</h2>
      {problem && (
        <p className="banner banner--error" role="alert">
          {problem}
        </p>
      )}
      <div className="devices-panel__code">
        <label htmlFor="join-member">{t('live.devices.for')}</label>{' '}
        <select
          id="join-member"
          value={memberId}
          onChange={(event) => {
            setMemberId(event.target.value);
          }}
        >
          {players.map((member) => (
            <option key={member.id} value={member.id}>
              {t(`role.${member.role}`)} — {member.name}
            </option>
          ))}
        </select>{' '}
        <Button className="button" onPress={() => void create()}>
          {t('live.devices.makeCode')}
        </Button>
      </div>
      {/* Only a code that can still bring a device in is shown large, to be read or scanned off the projector. */}
      <div aria-live="polite">
        {code && shownState === 'usable' && (
          <figure className="devices-panel__shown">
            <QrCode text={joinLink(code.code)} size={200} />
            <figcaption>
              <span className="devices-panel__code-text">{code.code}</span>
              <span>{joinLink(code.code)}</span>
              <span>
                {t('live.devices.codeFor', {
                  role: t(`role.${code.role}`),
                  time: formatWallDateTime(code.expiresAt, language),
                })}
              </span>
            </figcaption>
          </figure>
        )}
        {shownState && shownState !== 'usable' && (
          <p className="devices-panel__spent">{t(`live.joinCodes.spent.${shownState}`)}</p>
        )}
      </div>
      {codes.length > 0 && (
        <>
          <h3>{t('live.joinCodes.title')}</h3>
          <ul className="devices-panel__list devices-panel__codes">
            {codes.map((view) => {
              const state = joinCodeState(view, checkedAt);
              const member = cast.find((candidate) => candidate.id === view.castMemberId);
              const words = {
                role: t(`role.${view.role}`),
                state:
                  state === 'usable'
                    ? t('live.joinCodes.usable', { count: view.usesLeft })
                    : t(`live.joinCodes.${state}`),
                time: formatWallDateTime(view.expiresAt, language),
              };
              return (
                <li key={view.id} className={`devices-panel__join-code devices-panel__join-code--${state}`}>
                  {member
                    ? t('live.joinCodes.item', { ...words, name: member.name })
                    : t('live.joinCodes.itemRole', words)}
                </li>
              );
            })}
          </ul>
        </>
      )}
      <h3>{t('live.devices.waiting', { count: pending.length })}</h3>
      {pending.length > 0 && (
        <ul className="devices-panel__list">
          {pending.map((device) => (
            <li key={device.id}>
              <span>
                <strong>{device.name}</strong> — {t(`role.${device.role}`)}: {device.person.name}
              </span>{' '}
              <Button
                className="button button--primary"
                onPress={() => {
                  decide(device.id, 'approve');
                }}
              >
                {t('live.devices.approve', { name: device.name })}
              </Button>{' '}
              <Button
                className="button"
                onPress={() => {
                  decide(device.id, 'refuse');
                }}
              >
                {t('live.devices.refuse', { name: device.name })}
              </Button>
            </li>
          ))}
        </ul>
      )}
      <h3>{t('live.devices.admitted', { count: admitted.length })}</h3>
      {offline && admitted.length > 0 && <p className="devices-panel__offline">{t('live.devices.offline')}</p>}
      {admitted.length > 0 && (
        <ul className="devices-panel__list">
          {admitted.map((device) => (
            <li key={device.id}>
              <span>
                <strong>{device.name}</strong> — {t(`role.${device.role}`)}: {device.person.name} (
                {connectedText(device.connected)})
              </span>{' '}
              <Button
                className="button button--danger"
                onPress={() => {
                  decide(device.id, 'revoke');
                }}
              >
                {t('live.devices.revoke', { name: device.name })}
              </Button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
