/**
 * The exercise's start time: a date and a time to the minute, written the
 * way the UI's language writes them (31-12-2026 22:00 in Dutch, 31/12/2026
 * 22:00 in English) whatever the browser's own locale is, which a native
 * `datetime-local` input follows instead. Each part (day, month, year, hour,
 * minute) is typed or changed with the arrow keys; the button opens a
 * calendar.
 */
import { parseDateTime, type CalendarDateTime } from '@internationalized/date';
import { useImperativeHandle, useMemo, useRef, type ReactNode, type Ref } from 'react';
import {
  Button,
  Calendar,
  CalendarCell,
  CalendarGrid,
  DateInput,
  DatePicker,
  DateSegment,
  Dialog,
  Group,
  Heading,
  I18nProvider,
  Label,
  Popover,
  Text,
} from 'react-aria-components';
import type { Language } from '../../i18n';
import './startTimeField.css';

/** The UI's language as a locale: the Netherlands' Dutch, and British English (day before month, 24 hours). */
const LOCALES: Record<Language, string> = { nl: 'nl-NL', en: 'en-GB' };

const NAIVE_MINUTE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2})?$/;

/** "2026-12-31T22:00" → the field's value; null when empty or unreadable (the form then says what is missing). */
export function startTimeValue(text: string): CalendarDateTime | null {
  const trimmed = text.trim();
  if (!NAIVE_MINUTE.test(trimmed)) return null;
  try {
    return parseDateTime(trimmed);
  } catch {
    return null;
  }
}

const two = (value: number) => String(value).padStart(2, '0');

/** The field's value → "2026-12-31T22:00", as set-ups store it; empty while a part is missing. */
export function startTimeText(value: CalendarDateTime | null): string {
  if (!value) return '';
  return `${String(value.year).padStart(4, '0')}-${two(value.month)}-${two(value.day)}T${two(value.hour)}:${two(value.minute)}`;
}

export interface StartTimeFieldProps {
  /** The form's key for it: the hidden input's name, and where its error goes. */
  name: string;
  /** Naive local ISO time, "2026-12-31T22:00", or '' while incomplete. */
  value: string;
  /** A whole date and time, or '' once every part is cleared. */
  onChange: (value: string) => void;
  /**
   * Whether some parts are empty while others are not, said when focus leaves
   * the field: the value then stays the last whole one, which must not be
   * taken for what the field shows.
   */
  onIncompleteChange: (incomplete: boolean) => void;
  language: Language;
  label: string;
  /** "(verplicht)": the same marker as the form's other required fields. */
  requirement: string;
  help: string;
  /** Shown, and announced with the field, when set. */
  error: string | null;
  /** Below the field. */
  after?: ReactNode;
  /** The form focuses the field when it is the first that is wrong: its first part takes focus. */
  ref?: Ref<{ focus: () => void }>;
}

export function StartTimeField({
  name,
  value,
  onChange,
  onIncompleteChange,
  language,
  label,
  requirement,
  help,
  error,
  after,
  ref,
}: StartTimeFieldProps) {
  const group = useRef<HTMLDivElement>(null);
  useImperativeHandle(
    ref,
    () => ({
      focus: () => {
        group.current?.querySelector<HTMLElement>('[role="spinbutton"]')?.focus();
      },
    }),
    [],
  );
  // One value per text: the field takes a new object for a new value and starts its display over.
  const parsed = useMemo(() => startTimeValue(value), [value]);
  return (
    <I18nProvider locale={LOCALES[language]}>
      <DatePicker
        className={error ? 'field field--invalid start-time' : 'field start-time'}
        name={name}
        value={parsed}
        onChange={(next) => {
          onChange(startTimeText(next));
          if (next) onIncompleteChange(false);
        }}
        onBlur={() => {
          onIncompleteChange(group.current?.querySelector('[data-placeholder]') != null);
        }}
        granularity="minute"
        hourCycle={24}
        shouldForceLeadingZeros
        isRequired
        isInvalid={error !== null}
        // The form says what is wrong in its own words, when the trainer submits.
        validationBehavior="aria"
      >
        <Label className="field__label">
          {label} <span className="field__requirement">({requirement})</span>
        </Label>
        <Text slot="description" className="field__help">
          {help}
        </Text>
        {error && (
          <Text slot="errorMessage" className="field__error">
            {error}
          </Text>
        )}
        <Group ref={group} className="start-time__group">
          <DateInput className="start-time__input">
            {(segment) => <DateSegment segment={segment} className="start-time__segment" />}
          </DateInput>
          <Button className="start-time__button">
            <svg aria-hidden="true" viewBox="0 0 24 24" width="22" height="22" focusable="false">
              <rect x="3" y="5" width="18" height="16" rx="2" fill="none" stroke="currentColor" strokeWidth="2" />
              <path d="M3 10h18M8 3v4M16 3v4" fill="none" stroke="currentColor" strokeWidth="2" />
            </svg>
          </Button>
        </Group>
        {after}
        <Popover className="start-time__popover" placement="bottom start">
          <Dialog className="start-time__dialog">
            <Calendar className="start-time__calendar">
              <header className="start-time__calendar-header">
                <Button slot="previous">
                  <span aria-hidden="true">‹</span>
                </Button>
                <Heading className="start-time__month" />
                <Button slot="next">
                  <span aria-hidden="true">›</span>
                </Button>
              </header>
              <CalendarGrid className="start-time__grid">
                {(date) => <CalendarCell date={date} className="start-time__day" />}
              </CalendarGrid>
            </Calendar>
          </Dialog>
        </Popover>
      </DatePicker>
    </I18nProvider>
  );
}
