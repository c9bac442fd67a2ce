import { useLanguage, useTranslation } from '../../i18n';
import { ReportSection, RuleLabel, Seq, Times, Who } from './parts';
import type { RefusalGroup } from './refusals';
import { actionName } from './words';

/** Refused attempts grouped by the rule that refused them (R10), with each attempt in full. */
export function RefusalsSection({ groups, municipality }: { groups: readonly RefusalGroup[]; municipality: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <ReportSection heading={t('debrief.refusals.heading')} className="debrief-refusals">
      {groups.length === 0 ? (
        <p className="debrief-empty">{t('debrief.refusals.none')}</p>
      ) : (
        groups.map((group) => (
          <ReportSection
            key={group.rule}
            level={3}
            className="refusal-group"
            heading={
              <>
                <span aria-hidden="true">✗ </span>
                <RuleLabel rule={group.rule} title={group.definition?.title[language]} />{' '}
                <span className="refusal-group__count">
                  {t('debrief.refusals.count', { count: group.attempts.length })}
                </span>
              </>
            }
          >
            <table className="debrief-table refusal-table">
              <caption className="visually-hidden">{t('debrief.refusals.caption', { rule: group.rule })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('debrief.refusals.when')}</th>
                  <th scope="col">{t('debrief.refusals.who')}</th>
                  <th scope="col">{t('debrief.refusals.what')}</th>
                  <th scope="col">{t('debrief.refusals.message')}</th>
                </tr>
              </thead>
              <tbody>
                {group.attempts.map((attempt) => (
                  <tr key={attempt.at.seq}>
                    <td>
                      <Times at={attempt.at} /> <Seq seq={attempt.at.seq} />
                    </td>
                    <td>
                      <Who by={attempt.by} municipality={municipality} />
                    </td>
                    <th scope="row">{actionName(attempt.action, attempt.subject, t)}</th>
                    <td>{attempt.message[language]}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ReportSection>
        ))
      )}
    </ReportSection>
  );
}
