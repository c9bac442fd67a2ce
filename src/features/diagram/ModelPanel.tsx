import type { By } from '../../../machines';
import { useSessionState } from '../../session';
import { useTranslation } from '../../i18n';
import { ModelFigure } from './ModelFigure';
import type { AttemptDialogs } from './useTryTransition';
import { modelHref } from './routes';

export interface ModelPanelProps {
  actingAs: By;
  /** The dialogs a path tried from the diagram asks its words in (the console's own). */
  dialogs: AttemptDialogs;
}

/** "Model tonen" in the console: the live diagram of the open exercise, loaded only when asked for. */
export default function ModelPanel({ actingAs, dialogs }: ModelPanelProps) {
  const { t } = useTranslation();
  const { head } = useSessionState();
  return (
    <section className="panel model-panel" aria-labelledby="model-panel-title">
      <h2 id="model-panel-title">{t('diagram.title')}</h2>
      <ModelFigure
        actingAs={actingAs}
        dialogs={dialogs}
        controls={
          <a className="model-figure__link" href={modelHref(head.id)}>
            {t('diagram.fullScreen')}
          </a>
        }
      />
    </section>
  );
}
