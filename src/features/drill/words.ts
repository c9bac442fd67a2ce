/**
 * The drill's words for who acts and what was judged, in the language shown.
 * Shared by the screen parts and the Markdown record, so both say the same.
 */
import { MEANS, ruleById, type By, type RuleDefinition } from '../../../machines';
import type { TFunction } from '../../i18n';
import type { CastMember, ExerciseSetup } from '../../session';
import type { JudgedAttempt } from '../../session/drillRuns';
import type { DrillLanguage } from './drill';

/** "Bram Hofstede, locoburgemeester (wethouder), Lindenburg": the municipality says who is competent (R5). */
export function memberLabel(member: CastMember, t: TFunction, language: DrillLanguage): string {
  const role = t(`role.${member.role}`).toLowerCase();
  const position = member.position ? ` (${member.position[language]})` : '';
  const municipality = member.municipality ? `, ${member.municipality}` : '';
  return `${member.name}, ${role}${position}${municipality}`;
}

/** Who acted, as the log names them, with their place in the cast when the set-up has them. */
export function whoLabel(by: By, setup: ExerciseSetup | null, t: TFunction, language: DrillLanguage): string {
  const member = setup?.cast.find((candidate) => candidate.name === by.name && candidate.role === by.role);
  if (member) return memberLabel(member, t, language);
  const municipality = by.municipality ? `, ${by.municipality}` : '';
  return `${by.name}, ${t(`role.${by.role}`).toLowerCase()}${municipality}`;
}

const ACTION_KEYS = {
  'phase.escalate': 'escalate',
  'phase.deescalate': 'deescalate',
  'crowd.warn': 'warn',
  'waterCannon.deploy': 'deploy',
  'waterCannon.withdraw': 'withdraw',
  'tearGas.add': 'addTearGas',
  'tearGas.stop': 'stopTearGas',
  'mayor.revoke': 'revoke',
} as const;

/** What an attempt was: "Toestemming verleend voor de waterwerper", "zet de waterwerper in". */
export function actionText(attempt: JudgedAttempt, t: TFunction): string {
  const subject = attempt.subject ? t(`drill.verdicts.subjectInSentence.${attempt.subject}`) : '';
  if (attempt.type === 'mayor.decide' && attempt.verdict)
    return t('drill.verdicts.action.decide', { verdict: t(`drill.verdicts.verdictWord.${attempt.verdict}`), subject });
  if (attempt.type === 'mayor.decide') return subject;
  return t(`drill.verdicts.action.${ACTION_KEYS[attempt.type]}`, { subject });
}

export const ruleOf = (attempt: JudgedAttempt): RuleDefinition | undefined =>
  attempt.refusal ? ruleById(attempt.refusal.rule) : undefined;

export function meansText(means: readonly (keyof typeof MEANS)[], t: TFunction, language: DrillLanguage): string {
  return means.length === 0 ? t('drill.point.meansNone') : means.map((id) => MEANS[id].name[language]).join(', ');
}
