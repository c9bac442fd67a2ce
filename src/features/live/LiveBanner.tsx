import type { Role } from '../../../machines';
import { useTranslation } from '../../i18n';
import type { LiveConnection } from '../../session/remote/liveClient';
import type { ProjectedChainProblem } from '../../session/remote/projectedChain';
import './live.css';

export interface LiveBannerProps {
  connection: LiveConnection;
  /** Proposals sent or waiting to be sent whose result has not come. */
  waiting: number;
  role: Role | null;
  chainProblem?: ProjectedChainProblem | null;
}

/**
 * Where a live device stands with the server, always in view (issue #14
 * item 6): live, or "offline — reconnecting", with what still waits to be
 * sent. A status region: a screen reader hears a change, not every render.
 */
export function LiveBanner({ connection, waiting, role, chainProblem = null }: LiveBannerProps) {
  const { t } = useTranslation();
  const offline = connection.state === 'reconnecting' || connection.state === 'connecting';
  const text = (() => {
    switch (connection.state) {
      case 'live':
        return t('live.connection.live');
      case 'connecting':
        return t('live.connection.connecting');
      case 'reconnecting':
        return t('live.connection.reconnecting', { seconds: Math.max(1, Math.ceil(connection.inMs / 1000)) });
      case 'closed':
      case 'incompatible':
        return t('live.connection.closed');
    }
  })();
  return (
    <div className={`live-banner live-banner--${offline ? 'offline' : connection.state}`} role="status">
      <span className="live-banner__dot" aria-hidden="true" />
      <span>{text}</span>
      {role && <span className="live-banner__role">{t('live.role', { role: t(`role.${role}`) })}</span>}
      {waiting > 0 && <span className="live-banner__waiting">{t('live.waiting', { count: waiting })}</span>}
      {chainProblem && (
        <span className="live-banner__problem">{t('live.chainProblem', { seq: chainProblem.seq })}</span>
      )}
    </div>
  );
}
