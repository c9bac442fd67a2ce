/**
 * The diagram's words, from the phase catalogue and the message catalogues:
 * a state's title, a transition's label. Keys come from the machine; a state
 * or event the catalogues do not name is an error, so nothing is shown
 * unlabelled (the completeness test renders every one in both languages).
 */
import type { TFunction } from '../../i18n';
import { phaseByStateId } from '../../../machines/phases';
import type { ModelState, ModelTransition } from '../../../machines/diagram';
import type { Language } from '../../i18n';

const STAGE_KEYS = ['notWarned', 'warned', 'waterCannon', 'water', 'tearAgent'] as const;
type StageKey = (typeof STAGE_KEYS)[number];
const isStageKey = (key: string): key is StageKey => (STAGE_KEYS as readonly string[]).includes(key);

export interface StateTitle {
  /** The phase number, for a phase's own state. */
  number: number | null;
  title: string;
  /** "aanname" (phases 2–4) or "pilot" (R11), shown beside the title. */
  badge: 'assumption' | 'pilot' | null;
}

export interface DiagramText {
  state: (state: ModelState) => StateTitle;
  transition: (transition: ModelTransition) => string;
  badge: (badge: 'assumption' | 'pilot') => string;
  now: string;
}

export function diagramText(t: TFunction, language: Language, stateOf: (id: string) => ModelState | undefined) {
  const state = (model: ModelState): StateTitle => {
    if (model.key === 'start') return { number: null, title: t('diagram.start'), badge: null };
    const phase = model.parent === null ? phaseByStateId(model.key) : undefined;
    if (phase)
      return { number: phase.number, title: phase.shortName[language], badge: phase.assumption ? 'assumption' : null };
    if (isStageKey(model.key))
      return { number: null, title: t(`diagram.stage.${model.key}`), badge: model.pilot ? 'pilot' : null };
    throw new Error(`No name for the state "${model.id}"`);
  };

  const transition = (model: ModelTransition): string => {
    switch (model.event) {
      case null: {
        const target = model.target ? stateOf(model.target) : undefined;
        return t('diagram.event.always', { number: target?.phase ?? '?' });
      }
      case 'phase.escalate':
        return t('diagram.event.escalate');
      case 'phase.deescalate':
        return t('diagram.event.deescalate');
      case 'crowd.warn':
        return model.target ? t('diagram.event.warn') : t('diagram.event.warnAgain');
      case 'waterCannon.deploy':
        return t('diagram.event.deploy');
      case 'waterCannon.withdraw':
        return t('diagram.event.withdraw');
      case 'tearGas.add':
        return t('diagram.event.addTearGas');
      case 'tearGas.stop':
        return t('diagram.event.stopTearGas');
      case 'mayor.decide':
        return model.subject ? t(`diagram.event.decideEnds.${model.subject}`) : t('diagram.event.decide');
      case 'mayor.revoke':
        return model.subject ? t(`diagram.event.revokeEnds.${model.subject}`) : t('diagram.event.revoke');
    }
  };

  const text: DiagramText = {
    state,
    transition,
    badge: (badge) => t(`diagram.${badge}`),
    now: t('diagram.now'),
  };
  return text;
}
