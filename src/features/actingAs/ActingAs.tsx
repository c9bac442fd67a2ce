import { ToggleButton, ToggleButtonGroup } from 'react-aria-components';
import type { CastMember } from '../../session';
import { useLanguage, useTranslation } from '../../i18n';
import './actingAs.css';

export interface ActingAsProps {
  cast: readonly CastMember[];
  actingAs: string;
  onChange: (memberId: string) => void;
}

/** Who acts now: one click (or arrow keys) to switch between the cast. */
export function ActingAs({ cast, actingAs, onChange }: ActingAsProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <section className="acting-as" aria-labelledby="acting-as-label">
      <h2 id="acting-as-label" className="acting-as__label">
        {t('actingAs.label')}
      </h2>
      <ToggleButtonGroup
        aria-labelledby="acting-as-label"
        aria-describedby="acting-as-explain"
        selectionMode="single"
        disallowEmptySelection
        selectedKeys={[actingAs]}
        onSelectionChange={(keys) => {
          const [key] = [...keys];
          if (typeof key === 'string') onChange(key);
        }}
        className="acting-as__group"
      >
        {cast.map((member) => (
          <ToggleButton key={member.id} id={member.id} className="acting-as__member">
            <span className="acting-as__role">{t(`role.${member.role}`)}</span>
            <span className="acting-as__name">
              {member.position
                ? t('actingAs.withPosition', { name: member.name, position: member.position[language] })
                : member.name}
            </span>
            {member.municipality && member.role !== 'trainer' && (
              <span className="acting-as__municipality">{member.municipality}</span>
            )}
          </ToggleButton>
        ))}
      </ToggleButtonGroup>
      <p id="acting-as-explain" className="visually-hidden">
        {t('actingAs.explain')}
      </p>
    </section>
  );
}
