/**
 * The debrief as a CSV file for Excel (Dutch locale, see ./csv.ts): a short
 * head (exercise, hash of the log) and then one row per log entry, with every
 * column a trainer may want to filter on: who, when, what, outcome, the rule
 * that refused it, the decision's grounds and BOB notes, the phase, pilot.
 */
import { MEANS } from '../../../machines';
import type { Language } from '../../i18n';
import { parseExerciseTime } from '../../session';
import { formatSpreadsheetDateTime } from '../../i18n/format';
import { toCsv, type CsvValue } from './csv';
import type { Debrief } from './debrief';
import { entryAction, entryRefersTo, entryText } from './entryWords';
import { integrityText } from './summary';
import type { nl } from './messages';
import type { Translate } from './words';

type CsvKey = keyof typeof nl.csv;

export interface CsvOptions {
  /** When the file is made (ISO); shown in its head. */
  exportedAt: string;
  /** The zone for wall-clock times; the reader's own when omitted. */
  timeZone?: string;
}

export function debriefCsv(debrief: Debrief, t: Translate, language: Language, options: CsvOptions): string {
  const { head, entries, integrity } = debrief;
  const { setup } = head;
  const wall = (iso: string) => formatSpreadsheetDateTime(Date.parse(iso), options.timeZone);
  const exercise = (text: string) => formatSpreadsheetDateTime(parseExerciseTime(text), 'UTC');
  const c = (key: CsvKey) => t(`debrief.csv.${key}`);

  const preamble: CsvValue[][] = [
    [c('exercise'), setup.title],
    [c('municipality'), setup.municipality],
    ...(setup.scenario ? [[c('scenario'), setup.scenario.title[language]]] : []),
    [c('start'), exercise(setup.startTime)],
    [c('exportedAt'), wall(options.exportedAt)],
    [c('entries'), integrity.entries],
    [c('finalHash'), integrity.finalHash],
    [c('chain'), integrityText(integrity, t)],
    [],
  ];

  const header = (
    [
      'seq',
      'exerciseTime',
      'wallTime',
      'role',
      'name',
      'municipality',
      'action',
      'outcome',
      'verdict',
      'text',
      'beeld',
      'oordeel',
      'conditions',
      'rule',
      'ruleTitle',
      'message',
      'phaseBefore',
      'phaseAfter',
      'meansAfter',
      'pilot',
      'refersTo',
      'hash',
    ] as const
  ).map(c);

  const rows = entries.map((entry): CsvValue[] => {
    const attempt = entry.kind === 'attempt' ? entry : null;
    const event = attempt?.event;
    const decide = event?.type === 'mayor.decide' ? event : null;
    const refusal = entry.kind === 'attempt' || entry.kind === 'steeringRefused' ? entry.refusal : undefined;
    const outcome = attempt ? attempt.outcome : entry.kind === 'steeringRefused' ? 'refused' : null;
    const pilot = attempt && attempt.after.means.includes('tearAgent') && !attempt.before.means.includes('tearAgent');
    return [
      entry.seq,
      exercise(entry.exercise),
      wall(entry.wall),
      t(`role.${entry.by.role}`),
      entry.by.name,
      entry.by.municipality ?? '',
      entryAction(entry, setup, t, language),
      outcome ? t(`outcome.${outcome}`) : '',
      decide ? t(`verdict.${decide.verdict}`) : '',
      entryText(entry),
      decide?.bob?.beeld ?? '',
      decide?.bob?.oordeel ?? '',
      decide?.conditions ?? '',
      refusal?.rule ?? '',
      refusal ? (ruleTitle(debrief, refusal.rule, language) ?? '') : '',
      refusal?.message[language] ?? '',
      attempt?.before.phase ?? null,
      attempt?.after.phase ?? null,
      attempt ? attempt.after.means.map((id) => MEANS[id].name[language]).join(', ') : '',
      pilot ? t('debrief.csv.pilotYes') : '',
      entryRefersTo(entry),
      entry.hash,
    ];
  });
  return toCsv([...preamble, header, ...rows]);
}

function ruleTitle(debrief: Debrief, rule: string, language: Language): string | undefined {
  return debrief.refusals.find((group) => group.rule === rule)?.definition?.title[language];
}
