// One form for each thing a person may do to a disagreement (respond, escalate, resolve,
// withdraw): a few fields, checked here and by the API, shown with the GOV.UK error summary.
import { ErrorSummary, Radios, Submit, Textarea, errorsOf, fieldErrors, required, useForm, type Errors } from '../components/form.tsx';

export interface ActionField { name: string; label: string; hint?: string; requiredMessage?: string; yesNo?: boolean }

type Answer = { __typename: string; message?: string; fieldErrors?: ReadonlyArray<{ field: string; message: string }> } | undefined;

export function ActionForm({ id, title, fields, submitLabel, warning = false, run, onDone }: {
  id: string;
  title: string;
  fields: ActionField[];
  submitLabel: string;
  warning?: boolean;
  run(values: Record<string, string>): Promise<Answer>;
  onDone(): void;
}) {
  const form = useForm<Record<string, string>>(Object.fromEntries(fields.map((f) => [f.name, ''])));
  const onSubmit = form.submit(
    (v) => errorsOf(Object.fromEntries(fields.map((f) => [f.name, f.requiredMessage ? required(v[f.name], f.requiredMessage) : undefined]))),
    async (v) => {
      const answer = await run(v);
      if (!answer) return;
      if (answer.__typename.endsWith('Success')) {
        // Done: the form is empty again for whatever comes next.
        for (const f of fields) form.set(f.name, '');
        onDone();
      }
      else if (answer.fieldErrors) form.fail(fieldErrors(answer.fieldErrors));
      else form.fail({ [fields[0]!.name]: answer.message ?? 'That did not work. Try again.' } as Errors);
    },
  );
  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby={`${id}-title`} className="govuk-!-margin-bottom-8">
      <h2 className="govuk-heading-m" id={`${id}-title`}>{title}</h2>
      <ErrorSummary errors={form.errors} />
      {fields.map((f) =>
        f.yesNo ? (
          <Radios key={f.name} name={f.name} label={f.label} hint={f.hint} inline value={form.values[f.name] ?? ''}
            onChange={(v) => form.set(f.name, v)} error={form.errors[f.name]}
            options={[{ value: 'yes', label: 'Yes' }, { value: 'no', label: 'No' }]} />
        ) : (
          <Textarea key={f.name} name={f.name} label={f.label} hint={f.hint} rows={3} value={form.values[f.name] ?? ''}
            onChange={(v) => form.set(f.name, v)} error={form.errors[f.name]} />
        ),
      )}
      <Submit busy={form.busy} warning={warning} secondary={!warning && submitLabel !== 'Resolve disagreement' && submitLabel !== 'Send response'}>{submitLabel}</Submit>
    </form>
  );
}
