/** A decision's consequences in words: what it allowed, whether it was used, what ended it. */
import type { Language } from '../../i18n';
import type { DecisionRecord } from './decisions';
import { durationText, exerciseTimeText, whoName, type Translate } from './words';

export function allowsText(decision: DecisionRecord, t: Translate): string {
  if (decision.allows === 'waterCannon') return t('debrief.decisions.allowsWaterCannon');
  if (decision.allows === 'tearAgent') return t('debrief.decisions.allowsTearAgent');
  return t('debrief.decisions.allowsNothing');
}

export function usedText(decision: DecisionRecord, t: Translate, language: Language): string {
  if (!decision.used) return t('debrief.decisions.notUsed');
  return t('debrief.decisions.used', {
    time: exerciseTimeText(decision.used.at, language),
    delay: durationText(decision.used.at.exerciseMs - decision.at.exerciseMs, t),
    wallDelay: durationText(decision.used.at.wallMs - decision.at.wallMs, t),
  });
}

export function endText(decision: DecisionRecord, t: Translate, language: Language, municipality: string): string {
  const { ended } = decision;
  if (!ended) return t('debrief.decisions.inForce');
  if (ended.kind === 'revoked')
    return t('debrief.decisions.revoked', {
      who: whoName(ended.revocation.by, t, municipality),
      time: exerciseTimeText(ended.revocation.at, language),
      grounds: ended.revocation.grounds,
      seq: ended.revocation.at.seq,
    });
  return t('debrief.decisions.superseded', {
    seq: ended.at.seq,
    verdict: t(`verdict.${ended.verdict}`),
    time: exerciseTimeText(ended.at, language),
  });
}
