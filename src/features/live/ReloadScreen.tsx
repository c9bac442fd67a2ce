import { useEffect, useRef } from 'react';
import { Button } from 'react-aria-components';
import type { Text } from '../../../machines';
import type { IncompatibleReason } from '../../core';
import { useLanguage, useTranslation } from '../../i18n';
import './live.css';

export interface ReloadScreenProps {
  reason: IncompatibleReason;
  /** The server's own words, in both languages. */
  message: Text;
  onReload: () => void;
}

/**
 * The server will not take this device as it is (too old, forbidden,
 * revoked, unknown exercise): say so and offer a reload, never a reconnect
 * loop (issue #14 item 2).
 */
export function ReloadScreen({ reason, message, onReload }: ReloadScreenProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, []);
  return (
    <main className="reload-screen" aria-labelledby="reload-title">
      <h1 id="reload-title" ref={heading} tabIndex={-1}>
        {t('live.reload.title')}
      </h1>
      <p>{t(`live.reload.${reason}`)}</p>
      <p className="reload-screen__server">{message[language]}</p>
      <p>{t('live.reload.hint')}</p>
      <Button className="button button--primary" onPress={onReload}>
        {t('live.reload.button')}
      </Button>
    </main>
  );
}
