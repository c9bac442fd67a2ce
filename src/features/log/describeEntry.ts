/**
 * One log entry in words: who, what, the phase and means it changed, the
 * outcome and, for a refusal, the model's rule and message. Pure, so the
 * log view and the debrief say the same thing about the same entry.
 */
import type { TFunction } from '../../i18n';
import { MEANS, phaseByNumber, ruleById, type MeansId, type PhaseNumber, type RuleId } from '../../../machines';
import type { Language } from '../../i18n';
import { formatExerciseTimeText, formatWallTime } from '../../i18n/format';
import type { Scenario } from '../../scenarios';
import type { AttemptEntry, InjectEntry, LogEntry } from '../../session';

export type Translate = TFunction;
export type EntryOutcome = 'accepted' | 'refused';

/** A rule as the trainee reads it: id, title and (for a refusal) the model's message. */
export interface RuleMention {
  rule: RuleId;
  title: string;
}

export interface RefusalDescription extends RuleMention {
  message: string;
}

export interface MeansChange {
  /** The means that started or stopped, in the current language, comma-separated. */
  means: string;
  ids: MeansId[];
  /** Why they stopped when it was not asked for directly: R8 (revocation/refusal) or R9 (de-escalation). */
  because: RuleMention | null;
}

export interface EntryDescription {
  seq: number;
  kind: LogEntry['kind'];
  /** "31-12 22:07:00" */
  exerciseTime: string;
  /** Local time of day, "21:07:12" */
  wallTime: string;
  /** Role word and name: "Commandant Cdt. Pieter de Vries". */
  who: string;
  /** The event as a sentence. */
  what: string;
  /** Further lines: BOB notes, conditions. */
  details: string[];
  outcome: EntryOutcome | null;
  refusal: RefusalDescription | null;
  /** Only when the phase changed. */
  phase: { before: PhaseNumber; after: PhaseNumber; text: string } | null;
  started: MeansChange | null;
  stopped: MeansChange | null;
  warningLapsed: boolean;
  /** The tear agent came into use: a pilot case to record (R11). */
  pilot: RuleMention | null;
  /** The entry a note or correction is about. */
  refersTo: number | null;
}

const mention = (rule: RuleId, language: Language): RuleMention => ({
  rule,
  title: ruleById(rule)?.title[language] ?? rule,
});

/** Accepted or refused; `null` for entries that are not attempts (notes, clock, creation). */
export function outcomeOf(entry: LogEntry): EntryOutcome | null {
  if (entry.kind === 'attempt') return entry.outcome;
  if (entry.kind === 'steeringRefused') return 'refused';
  return null;
}

/** The entry a note or correction points at, if any. */
export function referenceOf(entry: LogEntry): number | null {
  if (entry.kind === 'note') return entry.refersTo ?? null;
  if (entry.kind === 'correction') return entry.corrects;
  return null;
}

const orNone = (text: string, none: string) => (text.trim() === '' ? none : text);

function attemptWhat(entry: AttemptEntry, t: Translate): { what: string; details: string[] } {
  const { event, outcome } = entry;
  switch (event.type) {
    case 'phase.escalate':
      return { what: t('log.what.escalate', { reason: orNone(event.reason, t('log.what.noReason')) }), details: [] };
    case 'phase.deescalate':
      return { what: t('log.what.deescalate', { reason: orNone(event.reason, t('log.what.noReason')) }), details: [] };
    case 'crowd.warn':
      return { what: t(`log.what.warn.${outcome}`), details: [] };
    case 'waterCannon.deploy':
      return { what: t(`log.what.deploy.${outcome}`), details: [] };
    case 'waterCannon.withdraw':
      return { what: t(`log.what.withdraw.${outcome}`), details: [] };
    case 'tearGas.add':
      return { what: t(`log.what.addTearGas.${outcome}`), details: [] };
    case 'tearGas.stop':
      return { what: t(`log.what.stopTearGas.${outcome}`), details: [] };
    case 'mayor.decide': {
      const details: string[] = [];
      if (event.bob?.beeld) details.push(t('log.what.beeld', { text: event.bob.beeld }));
      if (event.bob?.oordeel) details.push(t('log.what.oordeel', { text: event.bob.oordeel }));
      if (event.conditions) details.push(t('log.what.conditions', { text: event.conditions }));
      return {
        what: t('log.what.decide', {
          subject: t(`log.what.subject.${event.subject}`),
          verdict: t(`log.what.verdict.${event.verdict}`),
          grounds: orNone(event.grounds, t('log.what.noGrounds')),
        }),
        details,
      };
    }
    case 'mayor.revoke':
      return {
        what: t('log.what.revoke', {
          subject: t(`log.what.subject.${event.subject}`),
          grounds: orNone(event.grounds, t('log.what.noGrounds')),
        }),
        details: [],
      };
  }
}

const STEERING_KEYS = {
  'exercise.note': 'note',
  'exercise.correct': 'correct',
  'exercise.clock': 'clock',
  'inject.release': 'inject',
} as const;

/**
 * An inject by its title in the current language, looked up in the
 * exercise's own scenario; the id when the scenario does not have it.
 */
function injectWhat(entry: InjectEntry, t: Translate, language: Language, scenario: Scenario | undefined) {
  const inject = scenario?.injects.find((candidate) => candidate.id === entry.injectId);
  const what = t(`log.what.inject.${entry.action}`, { title: inject?.title[language] ?? entry.injectId });
  if (!inject) return { what, details: [t('log.what.injectUnknown', { id: entry.injectId })] };
  const details = [t('log.what.injectAudience', { audience: t(`log.what.audience.${inject.audience}`) })];
  // The subject only: what the trainees are expected to do stays with the trainer (the log may be projected).
  if (inject.decisionPoint) details.push(t(`log.what.decisionPoint.${inject.decisionPoint.subject ?? 'any'}`));
  return { what, details };
}

function whatOf(
  entry: LogEntry,
  t: Translate,
  language: Language,
  scenario: Scenario | undefined,
): { what: string; details: string[] } {
  switch (entry.kind) {
    case 'exercise':
      return entry.action === 'branched'
        ? {
            what: t('log.what.branched', { title: entry.branchedFrom.title, seq: entry.branchedFrom.seq }),
            details: [t('log.what.branchedDetail', { seq: entry.branchedFrom.seq })],
          }
        : { what: t('log.what.created'), details: [] };
    case 'attempt':
      return attemptWhat(entry, t);
    case 'note':
      return {
        what:
          entry.refersTo === undefined
            ? t('log.what.note', { text: entry.text })
            : t('log.what.noteOn', { seq: entry.refersTo, text: entry.text }),
        details: [],
      };
    case 'correction':
      return { what: t('log.what.correction', { seq: entry.corrects, text: entry.text }), details: [] };
    case 'clock': {
      const { action } = entry;
      switch (action.type) {
        case 'start':
          return { what: t('log.what.clock.start'), details: [] };
        case 'pause':
          return { what: t('log.what.clock.pause'), details: [] };
        case 'speed':
          return { what: t('log.what.clock.speed', { speed: action.speed }), details: [] };
        case 'jump':
          return { what: t('log.what.clock.jump', { minutes: action.minutes }), details: [] };
      }
      break;
    }
    case 'inject':
      return injectWhat(entry, t, language, scenario);
    case 'steeringRefused': {
      const key = STEERING_KEYS[entry.action as keyof typeof STEERING_KEYS] as
        (typeof STEERING_KEYS)[keyof typeof STEERING_KEYS] | undefined;
      return {
        what: key ? t(`log.what.steering.${key}`) : t('log.what.steering.other', { action: entry.action }),
        details: [],
      };
    }
  }
}

const meansNames = (ids: readonly MeansId[], language: Language) =>
  ids.map((id) => MEANS[id].name[language]).join(', ');

/**
 * Why means stopped without being withdrawn directly: leaving a phase withdraws
 * them (R9); a revocation or refusal of the decision ends the consent (R8).
 */
function stopReason(entry: AttemptEntry): RuleId | null {
  if (entry.after.phase < entry.before.phase) return 'R9';
  if (entry.event.type === 'mayor.revoke' || entry.event.type === 'mayor.decide') return 'R8';
  return null;
}

/**
 * Everything the log shows about one entry, in the given language. The
 * exercise's scenario names its injects; without it an inject shows its id.
 */
export function describeEntry(
  entry: LogEntry,
  t: Translate,
  language: Language,
  scenario?: Scenario,
): EntryDescription {
  const { what, details } = whatOf(entry, t, language, scenario);
  const description: EntryDescription = {
    seq: entry.seq,
    kind: entry.kind,
    exerciseTime: formatExerciseTimeText(entry.exercise, language),
    wallTime: formatWallTime(entry.wall, language),
    who: `${t(`role.${entry.by.role}`)} ${entry.by.name}`.trim(),
    what,
    details,
    outcome: outcomeOf(entry),
    refusal: null,
    phase: null,
    started: null,
    stopped: null,
    warningLapsed: false,
    pilot: null,
    refersTo: referenceOf(entry),
  };
  if (entry.kind === 'steeringRefused' || (entry.kind === 'attempt' && entry.refusal)) {
    const refusal = entry.refusal;
    if (refusal) description.refusal = { ...mention(refusal.rule, language), message: refusal.message[language] };
  }
  if (entry.kind !== 'attempt') return description;

  const { before, after } = entry;
  if (before.phase !== after.phase) {
    description.phase = {
      before: before.phase,
      after: after.phase,
      text: t('log.phase', {
        before: before.phase,
        after: after.phase,
        beforeName: phaseByNumber(before.phase).shortName[language],
        afterName: phaseByNumber(after.phase).shortName[language],
      }),
    };
  }
  const started = after.means.filter((id) => !before.means.includes(id));
  const stopped = before.means.filter((id) => !after.means.includes(id));
  if (started.length > 0) description.started = { ids: started, means: meansNames(started, language), because: null };
  if (stopped.length > 0) {
    const rule = stopReason(entry);
    description.stopped = {
      ids: stopped,
      means: meansNames(stopped, language),
      because: rule ? mention(rule, language) : null,
    };
  }
  description.warningLapsed = before.warned && !after.warned;
  if (started.includes('tearAgent')) description.pilot = mention('R11', language);
  return description;
}

/** One line for the live region and the debrief: "Geweigerd: R3 <title> — <message>". */
export function announceEntry(entry: LogEntry, t: Translate, language: Language, scenario?: Scenario): string {
  const description = describeEntry(entry, t, language, scenario);
  if (description.refusal)
    return t('log.announce.refused', {
      rule: description.refusal.rule,
      title: description.refusal.title,
      message: description.refusal.message,
    });
  if (description.outcome === 'accepted') return t('log.announce.accepted', { what: description.what });
  return t('log.announce.other', { what: description.what });
}
