// Forms the GOV.UK way: each field's first input has the field's name as its id, so the error
// summary (focused when a submission has problems) links straight to it; each field shows its own
// message above the input. Errors come from the screen's own checks and from the API's
// ValidationError fieldErrors, which use the same field names as the GraphQL input.
import { useCallback, useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';

export type Errors = Record<string, string>;

export interface Form<V extends Record<string, unknown>> {
  values: V;
  errors: Errors;
  set<K extends keyof V>(name: K, value: V[K]): void;
  /** Show these errors (replacing any) and the summary above the form. */
  fail(errors: Errors): void;
  busy: boolean;
  /** Runs the check, then the action while the button is disabled. */
  submit(check: (values: V) => Errors, action: (values: V) => Promise<void>): (event: FormEvent) => void;
}

export function useForm<V extends Record<string, unknown>>(initial: V): Form<V> {
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  const set = useCallback(<K extends keyof V>(name: K, value: V[K]) => setValues((v) => ({ ...v, [name]: value })), []);
  const submit = (check: (values: V) => Errors, action: (values: V) => Promise<void>) => (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const problems = check(values);
    setErrors(problems);
    if (Object.keys(problems).length) return;
    setBusy(true);
    action(values).finally(() => setBusy(false));
  };
  return { values, errors, set, fail: setErrors, busy, submit };
}

/** The API's field errors, keyed by field name (first message wins). */
export function fieldErrors(list: ReadonlyArray<{ field: string; message: string }>): Errors {
  const errors: Errors = {};
  for (const { field, message } of list) errors[field] ??= message;
  return errors;
}

/** Required text: a message when blank. */
export const required = (value: unknown, message: string): string | undefined =>
  (typeof value === 'string' ? value.trim() === '' : value == null || (Array.isArray(value) && value.length === 0)) ? message : undefined;

/** Keeps only the messages that are set. */
export function errorsOf(entries: Record<string, string | undefined>): Errors {
  return Object.fromEntries(Object.entries(entries).filter((e): e is [string, string] => Boolean(e[1])));
}

export function ErrorSummary({ errors }: { errors: Errors }) {
  const box = useRef<HTMLDivElement>(null);
  const key = JSON.stringify(errors);
  useEffect(() => {
    if (Object.keys(errors).length) box.current?.focus();
  }, [key]); // eslint-disable-line react-hooks/exhaustive-deps
  const entries = Object.entries(errors);
  if (!entries.length) return null;
  return (
    <div className="govuk-error-summary" data-module="govuk-error-summary" ref={box} tabIndex={-1}>
      <div role="alert">
        <h2 className="govuk-error-summary__title">There is a problem</h2>
        <div className="govuk-error-summary__body">
          <ul className="govuk-list govuk-error-summary__list">
            {entries.map(([field, message]) => (
              <li key={field}>
                <a
                  href={`#${field}`}
                  onClick={(event) => {
                    // Move focus into the field itself, not just scroll to it.
                    const input = document.getElementById(field);
                    if (!input) return;
                    event.preventDefault();
                    input.focus();
                    input.scrollIntoView({ block: 'center' });
                  }}
                >
                  {message}
                </a>
              </li>
            ))}
          </ul>
        </div>
      </div>
    </div>
  );
}

interface FieldProps {
  name: string;
  label: string;
  hint?: ReactNode;
  error?: string | undefined;
}

function Group({ name, error, children }: { name: string; error?: string | undefined; children: ReactNode }) {
  return <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`} data-field={name}>{children}</div>;
}

function HintAndError({ name, hint, error }: Pick<FieldProps, 'name' | 'hint' | 'error'>) {
  return (
    <>
      {hint && <div id={`${name}-hint`} className="govuk-hint">{hint}</div>}
      {error && (
        <p id={`${name}-error`} className="govuk-error-message">
          <span className="govuk-visually-hidden">Error:</span> {error}
        </p>
      )}
    </>
  );
}

const describedBy = (name: string, hint: unknown, error: unknown) =>
  [hint ? `${name}-hint` : null, error ? `${name}-error` : null].filter(Boolean).join(' ') || undefined;

export function TextInput({ name, label, hint, error, value, onChange, width, type = 'text', autoComplete, inputMode, spellCheck }: FieldProps & {
  value: string;
  onChange(value: string): void;
  width?: 5 | 10 | 20;
  type?: 'text' | 'email' | 'password' | 'time';
  autoComplete?: string;
  inputMode?: 'numeric' | 'text';
  spellCheck?: boolean;
}) {
  return (
    <Group name={name} error={error}>
      <label className="govuk-label" htmlFor={name}>{label}</label>
      <HintAndError name={name} hint={hint} error={error} />
      <input
        className={`govuk-input${width ? ` govuk-input--width-${width}` : ''}${error ? ' govuk-input--error' : ''}`}
        id={name} name={name} type={type} value={value} autoComplete={autoComplete} inputMode={inputMode} spellCheck={spellCheck}
        aria-describedby={describedBy(name, hint, error)}
        onChange={(event) => onChange(event.target.value)}
      />
    </Group>
  );
}

export function Textarea({ name, label, hint, error, value, onChange, rows = 5 }: FieldProps & { value: string; onChange(value: string): void; rows?: number }) {
  return (
    <Group name={name} error={error}>
      <label className="govuk-label govuk-label--s" htmlFor={name}>{label}</label>
      <HintAndError name={name} hint={hint} error={error} />
      <textarea
        className={`govuk-textarea${error ? ' govuk-textarea--error' : ''}`}
        id={name} name={name} rows={rows} value={value}
        aria-describedby={describedBy(name, hint, error)}
        onChange={(event) => onChange(event.target.value)}
      />
    </Group>
  );
}

export function Select({ name, label, hint, error, value, onChange, options = [], groups = [], placeholder }: FieldProps & {
  value: string;
  onChange(value: string): void;
  options?: readonly Option[];
  /** Options under headings (optgroup), after any ungrouped ones. */
  groups?: ReadonlyArray<{ label: string; options: readonly Option[] }>;
  /** The first, empty choice ("Choose ..."). */
  placeholder?: string;
}) {
  return (
    <Group name={name} error={error}>
      <label className="govuk-label" htmlFor={name}>{label}</label>
      <HintAndError name={name} hint={hint} error={error} />
      <select className={`govuk-select${error ? ' govuk-select--error' : ''}`} id={name} name={name} value={value}
        aria-describedby={describedBy(name, hint, error)} onChange={(event) => onChange(event.target.value)}>
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
        {groups.map((g) => (
          <optgroup key={g.label} label={g.label}>
            {g.options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
          </optgroup>
        ))}
      </select>
    </Group>
  );
}

export interface Option { value: string; label: string; hint?: string }

function Choices({ name, label, hint, error, kind, options, checked, onToggle, inline = false, conditional }: FieldProps & {
  kind: 'radio' | 'checkbox';
  options: readonly Option[];
  checked(value: string): boolean;
  onToggle(value: string): void;
  inline?: boolean;
  /** Revealed under an option while it is chosen (GOV.UK conditional reveal). */
  conditional?: Record<string, ReactNode>;
}) {
  const base = kind === 'radio' ? 'govuk-radios' : 'govuk-checkboxes';
  return (
    <Group name={name} error={error}>
      <fieldset className="govuk-fieldset" aria-describedby={describedBy(name, hint, error)}>
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{label}</legend>
        <HintAndError name={name} hint={hint} error={error} />
        <div className={`${base}${inline ? ` ${base}--inline` : ''}${kind === 'checkbox' ? ' govuk-checkboxes--small' : ''}`}>
          {options.map((option, index) => {
            const id = index === 0 ? name : `${name}-${index + 1}`;
            const reveal = conditional?.[option.value];
            return (
              <div key={option.value}>
                <div className={`${base}__item`}>
                  <input
                    className={`${base}__input`} id={id} name={name} type={kind} value={option.value}
                    checked={checked(option.value)} onChange={() => onToggle(option.value)}
                    aria-describedby={option.hint ? `${id}-hint` : undefined}
                  />
                  <label className={`govuk-label ${base}__label`} htmlFor={id}>{option.label}</label>
                  {option.hint && <div id={`${id}-hint`} className={`govuk-hint ${base}__hint`}>{option.hint}</div>}
                </div>
                {reveal && checked(option.value) && <div className={`${base}__conditional`}>{reveal}</div>}
              </div>
            );
          })}
        </div>
      </fieldset>
    </Group>
  );
}

export function Radios(props: FieldProps & { options: readonly Option[]; value: string; onChange(value: string): void; inline?: boolean; conditional?: Record<string, ReactNode> }) {
  const { value, onChange, ...rest } = props;
  return <Choices {...rest} kind="radio" checked={(v) => v === value} onToggle={onChange} />;
}

export function Checkboxes(props: FieldProps & { options: readonly Option[]; value: readonly string[]; onChange(value: string[]): void; conditional?: Record<string, ReactNode> }) {
  const { value, onChange, ...rest } = props;
  return (
    <Choices {...rest} kind="checkbox" checked={(v) => value.includes(v)}
      onToggle={(v) => onChange(value.includes(v) ? value.filter((x) => x !== v) : [...value, v])} />
  );
}

export interface DateParts { day: string; month: string; year: string }
export const emptyDate: DateParts = { day: '', month: '', year: '' };

/** YYYY-MM-DD, or null when the parts are not a real date. */
export function isoDate({ day, month, year }: DateParts): string | null {
  if (!/^\d{1,2}$/.test(day.trim()) || !/^\d{1,2}$/.test(month.trim()) || !/^\d{4}$/.test(year.trim())) return null;
  const iso = `${year.trim()}-${month.trim().padStart(2, '0')}-${day.trim().padStart(2, '0')}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(iso) ? iso : null;
}

/** The moment from a date and an "HH:MM" time, in the browser's (the person's) time zone. */
export function instant(date: string | null, time: string): Date | null {
  const match = /^(\d{1,2})[:.](\d{2})$/.exec(time.trim());
  if (!date || !match || Number(match[1]) > 23 || Number(match[2]) > 59) return null;
  return new Date(`${date}T${match[1]!.padStart(2, '0')}:${match[2]}:00`);
}

/** A moment in the past asked as a date field `name` and a time field `${name}Time`; `what` ends
 * each message ("it happened"). */
export function pastMomentErrors(name: string, date: DateParts, time: string, what: string): Errors {
  const when = instant(isoDate(date), time);
  return errorsOf({
    [name]: !isoDate(date) ? `Enter the date ${what}, for example 27 3 2026`
      : when && when.getTime() > Date.now() ? `The date ${what} must be today or in the past` : undefined,
    [`${name}Time`]: isoDate(date) && !when ? `Enter the time ${what}, for example 14:30` : undefined,
  });
}

export function DateInput({ name, label, hint, error, value, onChange }: FieldProps & { value: DateParts; onChange(value: DateParts): void }) {
  const part = (key: keyof DateParts, text: string, width: 2 | 4) => {
    const id = key === 'day' ? name : `${name}-${key}`;
    return (
      <div className="govuk-date-input__item">
        <div className="govuk-form-group">
          <label className="govuk-label govuk-date-input__label" htmlFor={id}>{text}</label>
          <input
            className={`govuk-input govuk-date-input__input govuk-input--width-${width}${error ? ' govuk-input--error' : ''}`}
            id={id} name={`${name}-${key}`} type="text" inputMode="numeric" value={value[key]}
            onChange={(event) => onChange({ ...value, [key]: event.target.value })}
          />
        </div>
      </div>
    );
  };
  return (
    <Group name={name} error={error}>
      <fieldset className="govuk-fieldset" role="group" aria-describedby={describedBy(name, hint, error)}>
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{label}</legend>
        <HintAndError name={name} hint={hint} error={error} />
        <div className="govuk-date-input">
          {part('day', 'Day', 2)}
          {part('month', 'Month', 2)}
          {part('year', 'Year', 4)}
        </div>
      </fieldset>
    </Group>
  );
}

export function Submit({ busy, children, secondary = false, warning = false }: { busy: boolean; children: ReactNode; secondary?: boolean; warning?: boolean }) {
  const variant = warning ? ' govuk-button--warning' : secondary ? ' govuk-button--secondary' : '';
  return (
    <button type="submit" className={`govuk-button${variant}`} data-module="govuk-button" disabled={busy} aria-disabled={busy}>
      {children}
    </button>
  );
}
