/**
 * The debrief as Markdown: the same sections as the screen, for a report,
 * a wiki or an e-mail. Everything typed during the exercise is escaped, so
 * a note cannot turn into a link, a heading or HTML.
 */
import { phaseByNumber, type PhaseNumber } from '../../../machines';
import type { Language } from '../../i18n';
import { formatStartTime, formatWallDateTime } from '../../i18n/format';
import type { Debrief } from './debrief';
import type { DecisionRecord } from './decisions';
import { allowsText, endText, usedText } from './decisionWords';
import { integrityText, keyFigures, type KeyFigures } from './summary';
import {
  actionName,
  bothTimesText,
  durationText,
  exerciseTimeText,
  wallTimeText,
  whoName,
  type Translate,
} from './words';
import { markdownText } from '../../ui/markdown';

/** Kept here too: the debrief's tests and callers name it from this module. */
export { markdownText };

const cell = (text: string) => markdownText(text) || ' ';

function table(headers: readonly string[], rows: readonly (readonly string[])[]): string[] {
  return [
    `| ${headers.map(cell).join(' | ')} |`,
    `| ${headers.map(() => '---').join(' | ')} |`,
    ...rows.map((row) => `| ${row.map(cell).join(' | ')} |`),
    '',
  ];
}

const phaseName = (phase: PhaseNumber, language: Language) =>
  `${String(phase)} (${phaseByNumber(phase).shortName[language]})`;

function decisionLines(decision: DecisionRecord, index: number, debrief: Debrief, t: Translate, language: Language) {
  const municipality = debrief.head.setup.municipality;
  const lines = [
    `### ${String(index + 1)}. ${markdownText(t(`subject.${decision.subject}`))} — ${markdownText(t(`verdict.${decision.verdict}`))}`,
    '',
    `- **${t('debrief.decisions.who')}:** ${markdownText(whoName(decision.by, t, municipality))}`,
    `- **${t('debrief.decisions.when')}:** ${markdownText(bothTimesText(decision.at, language, t))} · #${String(decision.at.seq)}`,
    `- **${t('debrief.decisions.grounds')}:** ${markdownText(decision.grounds)}`,
  ];
  if (decision.bob?.beeld) lines.push(`- **${t('debrief.decisions.beeld')}:** ${markdownText(decision.bob.beeld)}`);
  if (decision.bob?.oordeel)
    lines.push(`- **${t('debrief.decisions.oordeel')}:** ${markdownText(decision.bob.oordeel)}`);
  if (decision.conditions)
    lines.push(`- **${t('debrief.decisions.conditions')}:** ${markdownText(decision.conditions)}`);
  lines.push(`- **${t('debrief.decisions.phase')}:** ${markdownText(phaseName(decision.phase, language))}`);
  lines.push(`- **${t('debrief.decisions.allows')}:** ${markdownText(allowsText(decision, t))}`);
  if (decision.allows)
    lines.push(`- **${t('debrief.decisions.usedLabel')}:** ${markdownText(usedText(decision, t, language))}`);
  lines.push(`- **${t('debrief.decisions.endLabel')}:** ${markdownText(endText(decision, t, language, municipality))}`);
  lines.push('');
  return lines;
}

/*
 * A plural form follows `count` alone, so a line with two numbers is two texts, each with its own count:
 * "1 besluit …, 2 keer ingetrokken", "3 geweigerde pogingen, onder 1 regel".
 */
function decisionsLine(figures: KeyFigures, t: Translate): string {
  const decisions = t('debrief.summary.decisions', {
    count: figures.granted + figures.refusedVerdicts,
    granted: figures.granted,
    refused: figures.refusedVerdicts,
  });
  return `${decisions}, ${t('debrief.summary.revocations', { count: figures.revocations })}`;
}

function refusalsLine(figures: KeyFigures, t: Translate): string {
  const refusals = t('debrief.summary.refusals', { count: figures.refusals });
  if (figures.refusals === 0) return refusals;
  return `${refusals}, ${t('debrief.summary.figure.refusalsDetail', { count: figures.refusalRules })}`;
}

export interface MarkdownOptions {
  exportedAt: string;
}

export function debriefMarkdown(debrief: Debrief, t: Translate, language: Language, options: MarkdownOptions): string {
  const { head, integrity, timeline } = debrief;
  const { setup } = head;
  const municipality = setup.municipality;
  const figures = keyFigures(debrief, Date.parse(options.exportedAt));
  const hashLine = `**${t('debrief.integrity.finalHash')}:** \`${integrity.finalHash}\` · ${markdownText(t('debrief.integrity.entries', { count: integrity.entries }))} · ${markdownText(integrityText(integrity, t))}`;
  const out: string[] = [
    `# ${markdownText(t('debrief.heading', { title: setup.title }))}`,
    '',
    markdownText(
      [
        t('debrief.municipality', { municipality }),
        t('debrief.start', { start: formatStartTime(setup.startTime, language) }),
        ...(setup.scenario ? [t('debrief.scenario', { title: setup.scenario.title[language] })] : []),
      ].join(' · '),
    ),
    '',
    hashLine,
    '',
    markdownText(t('debrief.exportedAt', { time: formatWallDateTime(options.exportedAt, language) })),
    '',
    `## ${t('debrief.summary.heading')}`,
    '',
    `- ${markdownText(figures.highestPhase ? t('debrief.summary.highestPhase', { phase: phaseName(figures.highestPhase, language) }) : t('debrief.summary.noPhase'))}`,
    `- ${markdownText(decisionsLine(figures, t))}`,
    `- ${markdownText(refusalsLine(figures, t))}`,
    `- ${markdownText(t('debrief.summary.pilotCases', { count: figures.pilotCases }))}`,
    `- ${markdownText(t('debrief.summary.duration', { exercise: durationText(figures.duration?.exerciseMs ?? null, t), wall: durationText(figures.duration?.wallMs ?? null, t) }))}`,
    `- ${markdownText(t('debrief.summary.coverage', { rules: figures.rulesTouched, phases: figures.phasesVisited }))}`,
    '',
    `## ${t('debrief.chart.heading')}`,
    '',
  ];

  if (timeline) {
    out.push(
      ...table(
        [
          t('debrief.chart.table.phase'),
          t('debrief.chart.table.from'),
          t('debrief.chart.table.to'),
          t('debrief.chart.table.duration'),
          t('debrief.chart.table.change'),
        ],
        timeline.periods.map((period) => [
          phaseName(period.phase, language),
          `${exerciseTimeText(period.from, language)} (#${String(period.from.seq)})`,
          period.open
            ? t('debrief.chart.table.untilEnd')
            : `${exerciseTimeText(period.to, language)} (#${String(period.to.seq)})`,
          durationText(period.to.exerciseMs - period.from.exerciseMs, t),
          period.change
            ? t('debrief.chart.table.changeBy', {
                direction: t(`debrief.chart.table.${period.change.direction}`),
                who: whoName(period.change.by, t, municipality),
                reason: period.change.reason,
              })
            : t('debrief.chart.table.startPhase'),
        ]),
      ),
    );
  }

  out.push(`## ${t('debrief.decisions.heading')}`, '');
  if (debrief.decisions.length === 0) out.push(markdownText(t('debrief.decisions.none')), '');
  debrief.decisions.forEach((decision, index) => out.push(...decisionLines(decision, index, debrief, t, language)));

  out.push(`## ${t('debrief.timings.heading')}`, '', `### ${t('debrief.timings.points.heading')}`, '');
  if (!setup.scenario) out.push(markdownText(t('debrief.timings.points.noScenario')), '');
  else if (debrief.decisionPoints.length === 0) out.push(markdownText(t('debrief.timings.points.none')), '');
  else
    out.push(
      ...table(
        [
          t('debrief.timings.points.inject'),
          t('debrief.timings.points.released'),
          t('debrief.timings.points.expects'),
          t('debrief.timings.points.answer'),
          t('debrief.timings.points.took'),
        ],
        debrief.decisionPoints.map((point) => [
          point.inject.title[language],
          `${exerciseTimeText(point.released, language)} (#${String(point.released.seq)})`,
          point.inject.decisionPoint?.expects[language] ?? '',
          point.response
            ? `${actionName(point.response.type, null, t)}${point.response.verdict ? ` (${t(`verdict.${point.response.verdict}`)})` : ''} — ${whoName(point.response.by, t, municipality)}, ${exerciseTimeText(point.response.at, language)} (#${String(point.response.at.seq)})`
            : t('debrief.timings.points.noAnswer'),
          point.interval
            ? t('debrief.timings.took', {
                exercise: durationText(point.interval.exerciseMs, t),
                wall: durationText(point.interval.wallMs, t),
              })
            : '–',
        ]),
      ),
    );
  out.push(`### ${t('debrief.timings.actions.heading')}`, '');
  if (debrief.decisionToAction.length === 0) out.push(markdownText(t('debrief.timings.actions.none')), '');
  else
    out.push(
      ...table(
        [t('debrief.timings.actions.decision'), t('debrief.timings.actions.action'), t('debrief.timings.actions.took')],
        debrief.decisionToAction.map(({ decision, interval }) => [
          `${t(`subject.${decision.subject}`)} — ${exerciseTimeText(decision.at, language)} (#${String(decision.at.seq)})`,
          decision.used
            ? `${t(`debrief.timings.actions.${decision.subject}`)} — ${exerciseTimeText(decision.used.at, language)} (#${String(decision.used.at.seq)})`
            : t('debrief.decisions.notUsed'),
          interval
            ? t('debrief.timings.took', {
                exercise: durationText(interval.exerciseMs, t),
                wall: durationText(interval.wallMs, t),
              })
            : '–',
        ]),
      ),
    );

  out.push(`## ${t('debrief.pilot.heading')}`, '', markdownText(t('debrief.pilot.explain')), '');
  if (debrief.pilotCases.length === 0) out.push(markdownText(t('debrief.pilot.none')), '');
  for (const [index, pilot] of debrief.pilotCases.entries()) {
    out.push(
      `- **${markdownText(t('debrief.pilot.case', { number: index + 1 }))}:** ${markdownText(
        [
          bothTimesText(pilot.at, language, t),
          whoName(pilot.by, t, municipality),
          t('debrief.pilot.phase', { phase: phaseName(pilot.phase, language) }),
          pilot.decision
            ? t('debrief.pilot.decision', {
                who: whoName(pilot.decision.by, t, municipality),
                seq: pilot.decision.at.seq,
                grounds: pilot.decision.grounds,
              })
            : t('debrief.pilot.noDecision'),
          pilot.stopped
            ? t(`debrief.pilot.stopped.${pilot.stopped.why}`, {
                time: exerciseTimeText(pilot.stopped.at, language),
                duration: durationText(pilot.interval?.exerciseMs ?? null, t),
              })
            : t('debrief.pilot.stillInUse'),
        ].join(' · '),
      )}`,
    );
  }
  if (debrief.pilotCases.length > 0) out.push('');

  out.push(`## ${t('debrief.refusals.heading')}`, '');
  if (debrief.refusals.length === 0) out.push(markdownText(t('debrief.refusals.none')), '');
  for (const group of debrief.refusals) {
    out.push(
      `### ${group.rule} ${markdownText(group.definition?.title[language] ?? '')} — ${markdownText(t('debrief.refusals.count', { count: group.attempts.length }))}`,
      '',
      ...table(
        [
          '#',
          t('debrief.refusals.who'),
          t('debrief.refusals.when'),
          t('debrief.refusals.what'),
          t('debrief.refusals.message'),
        ],
        group.attempts.map((attempt) => [
          String(attempt.at.seq),
          whoName(attempt.by, t, municipality),
          `${exerciseTimeText(attempt.at, language)} (${wallTimeText(attempt.at, language)})`,
          actionName(attempt.action, attempt.subject, t),
          attempt.message[language],
        ]),
      ),
    );
  }

  out.push(`## ${t('debrief.coverage.heading')}`, '');
  out.push(
    ...table(
      [
        t('debrief.coverage.rule'),
        t('debrief.coverage.title'),
        t('debrief.coverage.touchedColumn'),
        t('debrief.coverage.refusedColumn'),
        t('debrief.coverage.appliedColumn'),
      ],
      debrief.coverage.rules.map((rule) => [
        rule.rule.id,
        rule.rule.title[language],
        rule.touched
          ? rule.inScenario && rule.refused + rule.applied === 0
            ? t('debrief.coverage.inScenario')
            : t('debrief.coverage.yes')
          : t('debrief.coverage.no'),
        String(rule.refused),
        String(rule.applied),
      ]),
    ),
    ...table(
      [t('debrief.coverage.phase'), t('debrief.coverage.visitedColumn'), t('debrief.coverage.timeColumn')],
      debrief.coverage.phases.map((phase) => [
        `${String(phase.phase.number)} ${phase.phase.shortName[language]}${phase.phase.assumption ? ` (${t('debrief.assumption')})` : ''}`,
        phase.visited ? t('debrief.coverage.yes') : t('debrief.coverage.no'),
        phase.visited ? durationText(phase.exerciseMs, t) : '–',
      ]),
    ),
  );

  out.push(`## ${t('debrief.scenarioSection.heading')}`, '');
  if (!setup.scenario) out.push(markdownText(t('debrief.scenarioSection.noScenario')), '');
  else {
    const { learningObjectives, debriefQuestions } = setup.scenario;
    out.push(`### ${t('debrief.scenarioSection.objectives')}`, '');
    learningObjectives.forEach((item, index) => out.push(`${String(index + 1)}. ${markdownText(item[language])}`));
    if (learningObjectives.length === 0) out.push(markdownText(t('debrief.scenarioSection.noneListed')));
    out.push('', `### ${t('debrief.scenarioSection.questions')}`, '');
    debriefQuestions.forEach((item, index) => out.push(`${String(index + 1)}. ${markdownText(item[language])}`));
    if (debriefQuestions.length === 0) out.push(markdownText(t('debrief.scenarioSection.noneListed')));
    out.push('');
  }

  out.push(`## ${t('debrief.notes.heading')}`, '');
  if (debrief.notes.length === 0) out.push(markdownText(t('debrief.notes.none')), '');
  for (const note of debrief.notes) {
    const label =
      note.kind === 'correction'
        ? t('debrief.notes.correction', { seq: note.refersTo ?? 0 })
        : note.refersTo === null
          ? t('debrief.notes.note')
          : t('debrief.notes.noteOn', { seq: note.refersTo });
    out.push(
      `- **${markdownText(label)}** — ${markdownText(whoName(note.by, t, municipality))}, ${markdownText(bothTimesText(note.at, language, t))} (#${String(note.at.seq)}): ${markdownText(note.text)}`,
    );
  }
  if (debrief.notes.length > 0) out.push('');

  out.push('---', '', hashLine, '');
  return out.join('\n');
}
