import { useState, type ReactNode } from 'react';
import type { By } from '../../../machines';
import { useTranslation } from '../../i18n';
import { DiagramView } from './DiagramView';
import { LiveDiagram } from './LiveDiagram';
import type { AttemptDialogs } from './useTryTransition';
import { useModelLayout } from './useModelLayout';
import { useProjector } from './useProjector';

export type ModelFigureProps = {
  /** Controls beside the size toggle (the console puts its full-screen link here). */
  controls?: ReactNode;
} & (
  | { actingAs?: undefined; dialogs?: undefined }
  | {
      /** Inside an exercise: who acts. Without it the model is drawn on its own, nothing highlighted. */
      actingAs: By;
      /** The dialogs a path tried from the diagram asks its words in (the screen's). */
      dialogs: AttemptDialogs;
    }
);

/** The legend: what the marks mean, each in words as well as in colour. */
function Legend() {
  const { t } = useTranslation();
  return (
    <details className="model-legend">
      <summary>{t('diagram.legend.title')}</summary>
      <ul>
        <li>
          <span className="model-legend__mark model-legend__mark--current" aria-hidden="true">
            {t('diagram.now')}
          </span>{' '}
          {t('diagram.legend.current')}
        </li>
        <li>
          <span className="model-legend__mark model-legend__mark--accepted" aria-hidden="true">
            ✓
          </span>{' '}
          {t('diagram.legend.accepted')}
        </li>
        <li>
          <span className="model-legend__mark model-legend__mark--refused" aria-hidden="true">
            ✗
          </span>{' '}
          {t('diagram.legend.refused')}
        </li>
        <li>
          <span className="model-legend__mark" aria-hidden="true">
            ↻
          </span>{' '}
          {t('diagram.legend.internal')}
        </li>
        <li>
          <span className="model-legend__mark rule-id" aria-hidden="true">
            R1 R13
          </span>{' '}
          {t('diagram.legend.rules')}
        </li>
      </ul>
    </details>
  );
}

/** The model diagram with its loading state, size toggle and legend. */
export function ModelFigure({ actingAs, dialogs, controls }: ModelFigureProps) {
  const { t } = useTranslation();
  const projector = useProjector();
  const model = useModelLayout(projector);
  // Legible first (its own size, scrolled to where the exercise is); the whole model fitted on request.
  // In projector mode never fitted: shrunk to the frame, its text would be too small for the back of
  // the room (issue #12: nothing below 18 px), so it scrolls instead, and the toggle is not offered.
  const [fit, setFit] = useState(false);
  const actualSize = projector || !fit;

  if (model.status === 'loading')
    return (
      <p className="model-figure__loading" role="status">
        {t('diagram.loading')}
      </p>
    );
  if (model.status === 'failed')
    return (
      <p className="banner banner--error" role="alert">
        {t('diagram.layoutFailed', { problem: model.problem })}
      </p>
    );
  return (
    <div className="model-figure">
      <div className="model-figure__controls">
        {!projector && (
          <button
            type="button"
            aria-pressed={fit}
            onClick={() => {
              setFit(!fit);
            }}
          >
            {t('diagram.fit')}
          </button>
        )}
        {controls}
        <Legend />
      </div>
      <p className="model-figure__generated">{t('diagram.generated')}</p>
      {actingAs ? (
        <LiveDiagram
          graph={model.graph}
          layout={model.layout}
          text={model.text}
          actingAs={actingAs}
          dialogs={dialogs}
          actualSize={actualSize}
        />
      ) : (
        <div
          className={actualSize ? 'model-live__figure model-live__figure--actual' : 'model-live__figure'}
          role="region"
          aria-label={t('diagram.scrollRegion')}
          tabIndex={0}
        >
          <DiagramView graph={model.graph} layout={model.layout} text={model.text} label={t('diagram.figure')} />
        </div>
      )}
    </div>
  );
}
