import { useId } from 'react';
import { useLanguage, useTranslation, type Language, type TFunction } from '../../i18n';
import { RequiredTextField } from './RequiredTextField';
import { castField, type CastRow } from './scenarioCast';
import { NAMED_ROLES, type NamedRole } from './setup';
import type { Focusable, FormErrors } from './useNewExerciseForm';

export interface CastSectionProps {
  /** From a scenario: its own rows, one per role it brings; otherwise one name per named role. */
  fromScenario: boolean;
  castRows: readonly CastRow[];
  names: Record<NamedRole, string>;
  /** The exercise's municipality, as typed: a mayor of another may not decide here (R5). */
  municipality: string;
  errors: FormErrors;
  register: (field: string) => (element: Focusable) => void;
  onCastName: (id: string, name: string) => void;
  onName: (role: NamedRole, name: string) => void;
}

/** A role's word, with its municipality when it is not the exercise's; numbered when a label repeats. */
function castLabelsOf(rows: readonly CastRow[], t: TFunction): string[] {
  const base = rows.map((row) =>
    row.municipality === undefined
      ? t(`role.${row.role}`)
      : t('scenarioPicker.cast.otherMunicipality', { role: t(`role.${row.role}`), municipality: row.municipality }),
  );
  return base.map((label, index) =>
    base.filter((other) => other === label).length > 1
      ? t('scenarioPicker.cast.numbered', {
          label,
          number: base.slice(0, index + 1).filter((other) => other === label).length,
        })
      : label,
  );
}

/** Under a scenario's role: its position there, and whether that mayor may decide here (R5). */
function castHelpOf(row: CastRow, municipality: string, t: TFunction, language: Language): string | undefined {
  const parts = [
    row.position ? t('scenarioPicker.cast.position', { position: row.position[language] }) : null,
    row.municipality !== undefined && row.municipality !== municipality.trim()
      ? t('scenarioPicker.cast.notCompetent', { municipality: row.municipality })
      : null,
  ].filter((part) => part !== null);
  return parts.length > 0 ? parts.join(' ') : undefined;
}

/** Who plays which role: a scenario's rows, or the five named roles of an exercise from scratch. */
export function CastSection({
  fromScenario,
  castRows,
  names,
  municipality,
  errors,
  register,
  onCastName,
  onName,
}: CastSectionProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const id = useId();
  const castLabels = castLabelsOf(castRows, t);
  return (
    <fieldset className="new-exercise__group" aria-describedby={`${id}-cast-help`}>
      <legend>{t('exercises.form.cast')}</legend>
      <p id={`${id}-cast-help`} className="field__help">
        {fromScenario ? t('scenarioPicker.cast.help') : t('exercises.form.castHelp')}
      </p>
      <div className="new-exercise__grid">
        {fromScenario
          ? castRows.map((row, index) => (
              <div key={row.id}>
                <RequiredTextField
                  field={castField(row)}
                  label={castLabels[index] ?? row.id}
                  value={row.name}
                  onChange={(name) => {
                    onCastName(row.id, name);
                  }}
                  error={t('scenarioPicker.cast.required')}
                  invalid={Boolean(errors[castField(row)])}
                  help={castHelpOf(row, municipality, t, language)}
                  inputRef={register(castField(row))}
                />
              </div>
            ))
          : NAMED_ROLES.map((role) => (
              <div key={role}>
                <RequiredTextField
                  field={role}
                  label={t(`role.${role}`)}
                  value={names[role]}
                  onChange={(name) => {
                    onName(role, name);
                  }}
                  error={t(`exercises.form.errors.${role}`)}
                  invalid={Boolean(errors[role])}
                  inputRef={register(role)}
                />
              </div>
            ))}
      </div>
    </fieldset>
  );
}
