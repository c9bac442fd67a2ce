/**
 * The drill's record as Markdown (issue #15, item 5): every decision point
 * with the situation, the user's BOB notes, the decision, what the model did
 * and the considerations, for a portfolio as a decision-log exercise. Every
 * word the user typed is escaped, so it stays text.
 */
import { ruleById } from '../../../machines';
import type { TFunction } from '../../i18n';
import { formatWallDateTime } from '../../i18n/format';
import { scenarioToSetup, type Drill, type Scenario } from '../../scenarios';
import type { ExerciseSetup } from '../../session';
import type { DrillPointRecord, DrillRun, JudgedAttempt } from '../../session/drillRuns';
import { markdownText } from '../../ui/markdown';
import { recordOf, summarizeRun } from './comparison';
import { clockText, momentOf, type DrillLanguage } from './drill';
import { actionText, whoLabel } from './words';

const md = markdownText;

function judgedLine(attempt: JudgedAttempt, setup: ExerciseSetup, t: TFunction, language: DrillLanguage): string[] {
  const outcome =
    attempt.outcome === 'refused' ? `✗ ${t('drill.verdicts.refused')}` : `✓ ${t('drill.verdicts.accepted')}`;
  const lines = [`- **${outcome}** — ${md(whoLabel(attempt.by, setup, t, language))}: ${md(actionText(attempt, t))}`];
  if (attempt.refusal) {
    const rule = ruleById(attempt.refusal.rule);
    lines.push(
      `  - ${attempt.refusal.rule}${rule ? ` ${md(rule.title[language])}` : ''}: ${md(attempt.refusal.message[language])}`,
    );
    if (rule)
      lines.push(
        `  - ${t('drill.verdicts.source')}: ${md(rule.source[language])} (${t(`drill.verdicts.basis.${rule.basis}`)})`,
      );
  }
  return lines;
}

function pointLines(
  scenario: Scenario & { drill: Drill },
  index: number,
  record: DrillPointRecord | undefined,
  run: DrillRun,
  t: TFunction,
  language: DrillLanguage,
): string[] {
  const point = scenario.drill.points[index];
  if (!point) return [];
  const setup = scenarioToSetup(scenario, language);
  const lines = [
    `## ${String(index + 1)}. ${md(point.title[language])}`,
    '',
    `*${md(t('drill.point.moment', { time: momentOf(scenario.startTime, point.offsetMinutes) }))}*`,
    '',
    `### ${t('drill.point.situation')}`,
    '',
    md(point.situation[language]),
    '',
  ];
  for (const [title, facts] of [
    [t('drill.point.known'), point.known],
    [t('drill.point.unknown'), point.unknown],
  ] as const)
    if (facts.length > 0) lines.push(`**${md(title)}**`, '', ...facts.map((fact) => `- ${md(fact[language])}`), '');
  lines.push(`**${t('drill.point.request')}:** ${md(point.request.text[language])}`, '');
  if (!record || record.tries.length === 0) return [...lines, `*${t('drill.record.notDone')}*`, ''];

  const summary = summarizeRun(run, scenario.drill).find((each) => each.pointId === point.id);
  lines.push(`### ${t('drill.bob.title')}`, '');
  lines.push(`- **${t('drill.bob.beeld')}:** ${md(record.beeld) || t('drill.feedback.noNotes')}`);
  lines.push(`- **${t('drill.bob.oordeel')}:** ${md(record.oordeel) || t('drill.feedback.noNotes')}`);
  const last = record.tries.at(-1);
  for (const answer of last?.answers ?? []) {
    const member = scenario.cast.find((candidate) => candidate.id === answer.deciderId);
    const verdict = answer.verdict === 'none' ? t('drill.form.none') : t(`verdict.${answer.verdict}`);
    lines.push(
      `- **${md(t(`drill.form.subject.${answer.subject}`))}:** ${md(verdict)}${member && answer.verdict !== 'none' ? ` — ${md(member.name)}` : ''}`,
    );
    if (answer.grounds.trim()) lines.push(`  - ${t('drill.form.grounds')}: ${md(answer.grounds)}`);
    if (answer.conditions.trim()) lines.push(`  - ${t('drill.feedback.conditions')}: ${md(answer.conditions)}`);
    if (answer.review.trim()) lines.push(`  - ${t('drill.feedback.review')}: ${md(answer.review)}`);
  }
  if (summary?.seconds !== null && summary) {
    const limit =
      record.limitSeconds === null
        ? t('drill.feedback.noLimit')
        : `${t('drill.feedback.limit', { time: clockText(record.limitSeconds) })}, ${summary.late ? t('drill.feedback.late') : t('drill.feedback.onTime')}`;
    lines.push(
      `- ${t('drill.feedback.time', { time: clockText(summary.seconds) })} (${limit}); ${t('drill.feedback.tries', { count: summary.tries })}`,
    );
  }
  lines.push('', `### ${t('drill.verdicts.title')}`, '');
  for (const attempt of record.tries.flatMap((each) => each.judged))
    lines.push(...judgedLine(attempt, setup, t, language));
  if (record.tries.every((each) => each.judged.length === 0)) lines.push(`- ${t('drill.verdicts.none')}`);
  if (record.after.length > 0) {
    lines.push(`- *${t('drill.verdicts.then')}:*`);
    for (const attempt of record.after)
      lines.push(...judgedLine(attempt, setup, t, language).map((line) => `  ${line}`));
  }
  const seqs = [...record.tries.flatMap((each) => each.judged), ...record.after].map((attempt) => attempt.seq);
  if (seqs.length > 0)
    lines.push(
      `- ${t('drill.record.log')}: ${md(t('drill.record.logLine', { id: record.exerciseId, seq: seqs.join(', '), count: seqs.length }))}`,
    );

  lines.push('', `### ${t('drill.feedback.considerations')} (${t('drill.trainingBadge')})`, '');
  for (const consideration of point.considerations) {
    const touched = record.touched.includes(consideration.id);
    const basis = [
      consideration.source ? `${t('drill.verdicts.source')}: ${md(consideration.source[language])}` : '',
      consideration.rules?.length ? `${t('drill.feedback.rules')}: ${consideration.rules.join(', ')}` : '',
      consideration.assumption ? t('drill.verdicts.basis.assumption') : '',
    ].filter(Boolean);
    lines.push(
      `- [${touched ? 'x' : ' '}] ${md(consideration.text[language])}${basis.length ? ` *(${basis.join('; ')})*` : ''}`,
    );
  }
  return [...lines, ''];
}

export function drillMarkdown(
  run: DrillRun,
  scenario: Scenario & { drill: Drill },
  t: TFunction,
  language: DrillLanguage,
): string {
  const lines = [
    `# ${md(scenario.drill.title[language])} — ${t('drill.record.title')}`,
    '',
    `- ${t('drill.choose.fromScenario', { title: md(scenario.title[language]), municipality: md(scenario.municipality) })}`,
    `- ${t('drill.record.started')}: ${formatWallDateTime(run.startedAt, language)}`,
    `- ${t('drill.record.pace')}: ${t(`drill.pace.${run.pace}`)}`,
    '',
    `> **${md(t('drill.trainingBadge'))}:** ${md(t('drill.trainingMaterial'))}`,
    '',
  ];
  scenario.drill.points.forEach((point, index) => {
    lines.push(...pointLines(scenario, index, recordOf(run, point.id), run, t, language));
  });
  return `${lines.join('\n').trim()}\n`;
}

/** "beslisoefening-jaarwisseling-2026-12-31.md" */
export function drillFileName(run: DrillRun, t: TFunction): string {
  return `${t('drill.record.fileName')}-${run.scenarioId}-${run.startedAt.slice(0, 10)}.md`;
}
