import { useMachine } from '@xstate/react';
import { escalationMachine, PHASES, phaseOf } from '../../machines';
import { PhaseLadder } from '../features/phaseLadder/PhaseLadder';
import { LanguageSwitch } from '../features/language/LanguageSwitch';
import { useTranslation } from '../i18n';

export function App() {
  const { t } = useTranslation();
  const [snapshot] = useMachine(escalationMachine, { input: { municipality: '' } });
  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToMain')}
      </a>
      <header className="app-header">
        <div>
          <h1>{t('app.name')}</h1>
          <p className="app-header__tagline">{t('app.tagline')}</p>
        </div>
        <LanguageSwitch />
      </header>
      <main id="main" tabIndex={-1}>
        <PhaseLadder phases={PHASES} current={phaseOf(snapshot)} />
      </main>
    </>
  );
}
