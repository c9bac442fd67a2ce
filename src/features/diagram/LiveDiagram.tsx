import { useEffect, useId, useRef } from 'react';
import { ruleById, type By, type Refusal } from '../../../machines';
import {
  activeStateIds,
  judgeTransition,
  outgoingTransitions,
  type ModelGraph,
  type ModelTransition,
} from '../../../machines/diagram';
import { useSessionState } from '../../session';
import { useLanguage, useTranslation } from '../../i18n';
import { ResultLine } from '../../ui/ResultLine';
import { DiagramView } from './DiagramView';
import type { DiagramText } from './labels';
import type { DiagramLayout } from './layout';
import { useTryTransition, type AttemptDialogs } from './useTryTransition';

export interface LiveDiagramProps {
  graph: ModelGraph;
  layout: DiagramLayout;
  text: DiagramText;
  /** Who acts: each path out of the current state is judged for this role. */
  actingAs: By;
  /** The dialogs a tried path asks its words in (the screen's: the console's own). */
  dialogs: AttemptDialogs;
  /** Draw at the layout's own size (scrolling to where the exercise is) instead of fitting the width. */
  actualSize: boolean;
}

/** Move the figure's scroll so the current state is in view, without scrolling the page itself. */
function bringIntoView(figure: HTMLElement, element: Element) {
  if (typeof figure.scrollTo !== 'function') return;
  const box = element.getBoundingClientRect();
  const frame = figure.getBoundingClientRect();
  figure.scrollTo({
    left: figure.scrollLeft + box.left - frame.left - Math.max(0, (frame.width - box.width) / 2),
    top: figure.scrollTop + box.top - frame.top - Math.max(0, (frame.height - box.height) / 3),
  });
}

/**
 * Scroll the figure as little as needed for a focused path to be wholly in view, with a margin for its
 * focus ring. The browser's own scroll on focus stops once part of an SVG element shows, which left a
 * path cut off at the frame's edge (its words half hidden) on the larger projector layout.
 */
function reveal(figure: HTMLElement, element: Element, margin = 12) {
  if (typeof figure.scrollBy !== 'function') return;
  const box = element.getBoundingClientRect();
  const frame = figure.getBoundingClientRect();
  const by = (start: number, end: number, from: number, to: number) => {
    if (end - start > to - from - 2 * margin) return start - from - margin;
    if (start < from + margin) return start - from - margin;
    if (end > to - margin) return end - to + margin;
    return 0;
  };
  const left = by(box.left, box.right, frame.left, frame.left + figure.clientWidth);
  const top = by(box.top, box.bottom, frame.top, frame.top + figure.clientHeight);
  if (left || top) figure.scrollBy({ left, top });
}

/**
 * The diagram inside an exercise: where the exercise stands, and for each
 * path out of it what the model says now to who acts (the same `whyRefused`
 * as the console), with the rule and the reason in words beside it. A path
 * is tried by clicking it, or with Tab and Enter; the attempt is logged.
 */
export function LiveDiagram({ graph, layout, text, actingAs, dialogs, actualSize }: LiveDiagramProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { snapshot } = useSessionState();
  const prefix = useId();
  const figureRef = useRef<HTMLDivElement>(null);
  const resultRef = useRef<HTMLParagraphElement>(null);

  const models = new Map(graph.states.map((state) => [state.id, state]));
  const active = activeStateIds(snapshot);
  const current = active.at(-1) ?? '';
  const depth = (id: string) => active.indexOf(id);
  const outgoing = outgoingTransitions(graph, snapshot).sort((a, b) => depth(b.source) - depth(a.source));
  const judgements = new Map(
    outgoing.map((transition) => [transition.id, judgeTransition(snapshot, transition, actingAs)]),
  );
  const { tryTransition, dialog, lastResult } = useTryTransition(actingAs, snapshot, text.transition, dialogs);

  // One line per verdict, not per path: the same refusal for four paths is said once, with the four names.
  const verdicts: { key: string; refusal: Refusal | null; labels: string[]; ids: string[] }[] = [];
  for (const transition of outgoing) {
    const refusal = judgements.get(transition.id) ?? null;
    const key = refusal ? `${refusal.rule}:${refusal.message.en}` : 'accepted';
    const verdict = verdicts.find((item) => item.key === key);
    const label = text.transition(transition);
    if (!verdict) verdicts.push({ key, refusal, labels: [label], ids: [transition.id] });
    else {
      verdict.ids.push(transition.id);
      if (!verdict.labels.includes(label)) verdict.labels.push(label);
    }
  }
  verdicts.sort((a, b) => (a.refusal ? 1 : 0) - (b.refusal ? 1 : 0));
  const whyId = (transitionId: string) =>
    `${prefix}-why-${String(verdicts.findIndex((verdict) => verdict.ids.includes(transitionId)))}`;
  const statusWord = (transition: ModelTransition) =>
    judgements.get(transition.id) ? t('diagram.live.refused') : t('diagram.live.accepted');
  const where = active
    .map((id) => {
      const model = models.get(id);
      if (!model) return id;
      const title = text.state(model);
      return title.number === null ? title.title : `${String(title.number)} ${title.title}`;
    })
    .join(' › ');

  // Again when the layout changes (projector mode lays the model out anew, larger) and when the frame
  // changes size (a window moved to the projector): the old scroll would leave the current state out of view.
  useEffect(() => {
    const figure = figureRef.current;
    if (!figure || !actualSize) return;
    const centre = () => {
      const element = figure.querySelector(`[data-state-id="${current}"]`);
      if (element) bringIntoView(figure, element);
    };
    centre();
    if (typeof ResizeObserver === 'undefined') return;
    let width = figure.clientWidth;
    let height = figure.clientHeight;
    const observer = new ResizeObserver(() => {
      // Only a new size of the frame itself: not the first report on observing, nor one without a change.
      if (figure.clientWidth === width && figure.clientHeight === height) return;
      width = figure.clientWidth;
      height = figure.clientHeight;
      centre();
    });
    observer.observe(figure);
    return () => {
      observer.disconnect();
    };
  }, [current, actualSize, layout]);

  // A path taken may leave the state it started from, and take the focused element with it:
  // then the focus goes to the result, so a keyboard user hears it and carries on from there.
  useEffect(() => {
    if (!lastResult) return;
    const frame = requestAnimationFrame(() => {
      requestAnimationFrame(() => {
        if (document.activeElement === document.body || document.activeElement === null) resultRef.current?.focus();
      });
    });
    return () => {
      cancelAnimationFrame(frame);
    };
  }, [lastResult]);

  return (
    <div className="model-live">
      <div
        ref={figureRef}
        className={actualSize ? 'model-live__figure model-live__figure--actual' : 'model-live__figure'}
        // The diagram is larger than its frame: the frame scrolls by keyboard too.
        role="region"
        aria-label={t('diagram.scrollRegion')}
        tabIndex={0}
        onFocus={(event) => {
          // By keyboard only: under a mouse, a scroll between press and release would lose the click.
          if (event.target !== event.currentTarget && event.target.matches(':focus-visible'))
            reveal(event.currentTarget, event.target);
        }}
      >
        <DiagramView
          graph={graph}
          layout={layout}
          text={text}
          label={t('diagram.figure')}
          active={active}
          judgements={judgements}
          onTry={tryTransition}
          describedBy={whyId}
          nameOf={(transition) =>
            t('diagram.live.transition', { label: text.transition(transition), status: statusWord(transition) })
          }
        />
      </div>
      <section className="model-here" aria-labelledby={`${prefix}-here`}>
        <h3 id={`${prefix}-here`}>{t('diagram.live.title', { role: t(`role.${actingAs.role}`) })}</h3>
        <p className="model-here__where">{t('diagram.live.current', { state: where })}</p>
        {outgoing.length === 0 ? (
          <p>{t('diagram.live.none')}</p>
        ) : (
          <ul className="model-here__list">
            {verdicts.map((verdict) => (
              <li
                key={verdict.key}
                id={whyId(verdict.ids[0] ?? '')}
                className={verdict.refusal ? 'model-here__item model-here__item--refused' : 'model-here__item'}
              >
                <span className="model-here__labels">{verdict.labels.join(' · ')}</span>
                {verdict.refusal ? (
                  <span className="model-here__status">
                    <span className="outcome outcome--refused">
                      <span aria-hidden="true">✗</span> {t('diagram.live.refused')}
                    </span>{' '}
                    <span className="rule-id" title={ruleById(verdict.refusal.rule)?.title[language]}>
                      {verdict.refusal.rule}
                    </span>
                    : {verdict.refusal.message[language]}
                  </span>
                ) : (
                  <span className="model-here__status">
                    <span className="outcome outcome--accepted">
                      <span aria-hidden="true">✓</span> {t('diagram.live.accepted')}
                    </span>
                  </span>
                )}
              </li>
            ))}
          </ul>
        )}
        <p className="model-here__hint">{t('diagram.live.tryHint')}</p>
        <p className="model-here__result" role="status" aria-live="polite" ref={resultRef} tabIndex={-1}>
          {lastResult && <ResultLine result={lastResult} />}
        </p>
      </section>
      {dialog}
    </div>
  );
}
