// The escalation ladder for resolving professional differences: its stages, how long each has and
// who acts at each. Saving makes a new version; disagreements already open stay on theirs.
// Administrator only. Everything this screen does not edit is sent back exactly as loaded.
import { useEffect, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { formatDateTime } from '../app/format.ts';
import type { Viewer } from '../auth/session.graphql.ts';
import { Checkboxes, ErrorSummary, Select, Submit, TextInput, type Errors, useForm } from '../components/form.tsx';
import { Loading, NotificationBanner, ProblemBanner, Table } from '../components/govuk.tsx';
import { Page } from '../components/Page.tsx';
import type { VariablesOf } from '../graphql.ts';
import { CLOCKS, limitWords, wholeNumber, type Clock } from './clocks.ts';
import { AGENCY_ACTOR_ROLES, PARTNERSHIP_ACTOR_ROLES, ROLE_LABELS } from './roles.ts';
import { LadderPreviewQuery, LadderQuery, LadderSaveMutation, ladderOf, type Ladder } from './ladder.graphql.ts';

type Input = VariablesOf<typeof LadderSaveMutation>['input'];
type StageInput = Input['stages'][number];
type Role = Viewer['roles'][number];
/** A stage as the form holds it: the limit as typed, and a key that stays with it when others are removed. */
type Draft = Omit<StageInput, 'limitAmount'> & { limitAmount: string; key: number };

/** The most stages a ladder may have (the API's MAX_STAGES). */
const MAX_STAGES = 8;
/** The grace, in working days, before a stage that is no longer final moves up by itself (docs/domain.md's default). */
const DEFAULT_GRACE_WORKING_DAYS = 1;

const optionsOf = (roles: readonly Role[]) => roles.map((value) => ({ value, label: ROLE_LABELS[value] }))
  .sort((a, b) => a.label.localeCompare(b.label));
// Each side offers only the roles the API lets act on it.
const SIDES = [
  { key: 'raiserRoles', label: "Who acts on the raiser's side", options: optionsOf(AGENCY_ACTOR_ROLES) },
  { key: 'responderRoles', label: "Who acts on the other agency's side", options: optionsOf(AGENCY_ACTOR_ROLES) },
  { key: 'partnershipRoles', label: 'Who acts for the partnership', options: optionsOf(PARTNERSHIP_ACTOR_ROLES) },
] as const;
let nextKey = 0;

const rolesWords = (roles: readonly Role[]) => roles.map((r) => ROLE_LABELS[r]).join(', ') || 'Nobody';

function draftsOf(ladder: Ladder): Draft[] {
  return ladder.stages.map((s) => ({
    key: nextKey++, label: s.label, description: s.description ?? null, limitAmount: String(s.limitAmount), limitClock: s.limitClock,
    raiserRoles: [...s.raiserRoles], responderRoles: [...s.responderRoles], partnershipRoles: [...s.partnershipRoles],
    reminderPercents: [...s.reminderPercents], notifyNextOnExpiry: s.notifyNextOnExpiry, notifyPartnershipOnEntry: s.notifyPartnershipOnEntry,
    escalateAfterGraceWorkingDays: s.escalateAfterGraceWorkingDays ?? null, alertLeadPartnersOnExpiry: s.alertLeadPartnersOnExpiry,
  }));
}

/** The API's field errors keyed as this form's fields are: stages.1.limitAmount, or the field's own name. */
function ladderErrors(list: ReadonlyArray<{ field: string; path: readonly string[]; message: string }>, stageCount: number): Errors {
  const errors: Errors = {};
  for (const { field, path, message } of list) {
    const inner = path[0] === 'input' ? path.slice(1) : path;
    let key = inner.length ? inner.join('.') : field;
    // A problem with the stage as a whole (nobody acts at it) belongs to its roles.
    if (inner.length === 2 && inner[0] === 'stages') key = `stages.${inner[1]}.raiserRoles`;
    else if (inner[0] === 'stages' && inner.length > 2 && !['label', 'limitAmount', 'limitClock', 'raiserRoles', 'responderRoles', 'partnershipRoles'].includes(inner[2]!)) {
      key = `stages.${inner[1]}.label`; // a setting this screen does not edit: shown at the stage
    } else if (inner[0] === 'stages' && Number(inner[1]) >= stageCount) key = 'stages';
    const stage = /^stages\.(\d+)\./.exec(key);
    errors[key] ??= stage ? `Stage ${Number(stage[1]) + 1}: ${message}` : message;
  }
  return errors;
}

function StagePreview({ position, amount, clock }: { position: number; amount: number | null; clock: Clock }) {
  const valid = amount !== null && amount > 0;
  const [{ data }] = useQuery({ query: LadderPreviewQuery, variables: { stageLimit: { amount: amount ?? 1, clock } }, pause: !valid });
  const preview = data?.escalationLadderPreview;
  let text = amount === 0 ? `A time limit of 0 is not allowed: enter one more than 0 to see when stage ${position} would be due.`
    : `Enter a time limit to see when stage ${position} would be due.`;
  if (valid && preview?.__typename === 'LadderDeadlinePreview') text = `If it started now, stage ${position} would be due by ${formatDateTime(preview.dueAt)}.`;
  else if (valid && preview?.__typename === 'ValidationError') text = preview.message;
  else if (valid) text = `Working out when stage ${position} would be due…`;
  return <div className="govuk-inset-text" aria-live="polite" data-preview={position}>{text}</div>;
}

/** Who acts on one side of a stage, folded away under a summary of them. It opens to show a problem and
 * then stays as the administrator leaves it, so fixing another field does not fold it away again. */
function SideRoles({ name, label, options, value, onChange, error }: {
  name: string; label: string; options: ReadonlyArray<{ value: Role; label: string }>; value: readonly Role[]; onChange(roles: Role[]): void; error?: string;
}) {
  const [open, setOpen] = useState(false);
  return (
    <details className="govuk-details" open={open || Boolean(error)} onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">{label}: {rolesWords(value)}</span>
      </summary>
      <div className="govuk-details__text">
        <Checkboxes name={name} label={label} options={options} value={value} onChange={(roles) => onChange(roles as Role[])} error={error} />
      </div>
    </details>
  );
}

function LadderForm({ ladder, onSaved }: { ladder: Ladder; onSaved(ladder: Ladder): void }) {
  const form = useForm({ stages: draftsOf(ladder), urgentPathEnabled: ladder.urgentPathEnabled, urgentLimitHours: String(ladder.urgentLimitHours) });
  const { values, errors } = form;
  const [, save] = useMutation(LadderSaveMutation);
  const setStage = (index: number, change: Partial<Draft>) =>
    form.set('stages', values.stages.map((s, i) => (i === index ? { ...s, ...change } : s)));

  // After adding or removing a stage, focus goes to the name of the stage now in that place, not lost.
  const [focusStage, setFocusStage] = useState<number | null>(null);
  useEffect(() => {
    if (focusStage === null) return;
    document.getElementById(`stages.${focusStage}.label`)?.focus();
    setFocusStage(null);
  }, [focusStage]);

  const addStage = () => {
    const wasFinal = values.stages[values.stages.length - 1];
    // The old final stage now has one above it: it moves up after the usual grace, and no longer alerts the lead partners.
    const stages = values.stages.map((s, i) => (i === values.stages.length - 1
      ? { ...s, alertLeadPartnersOnExpiry: false, escalateAfterGraceWorkingDays: s.escalateAfterGraceWorkingDays ?? DEFAULT_GRACE_WORKING_DAYS } : s));
    form.set('stages', [...stages, {
      key: nextKey++, label: '', description: null, limitAmount: '', limitClock: 'WORKING_DAYS', raiserRoles: [], responderRoles: [], partnershipRoles: [],
      reminderPercents: [50, 80], notifyNextOnExpiry: true, notifyPartnershipOnEntry: false, escalateAfterGraceWorkingDays: null,
      alertLeadPartnersOnExpiry: wasFinal?.alertLeadPartnersOnExpiry ?? false,
    }]);
    setFocusStage(values.stages.length);
  };
  const removeStage = (index: number) => {
    const wasFinal = values.stages[values.stages.length - 1]!;
    const stages = values.stages.filter((_, i) => i !== index);
    // The stage that is now last is the final one: it alerts if the old final one did, and never moves up by itself.
    const last = stages.length - 1;
    form.set('stages', stages.map((s, i) => (i === last
      ? { ...s, alertLeadPartnersOnExpiry: wasFinal.alertLeadPartnersOnExpiry, escalateAfterGraceWorkingDays: null } : s)));
    form.fail({}); // the messages were for stages by position, which have moved
    setFocusStage(Math.min(index, last));
  };

  const onSubmit = form.submit(
    (v) => {
      const problems: Errors = {};
      v.stages.forEach((s, i) => {
        if (!s.label.trim()) problems[`stages.${i}.label`] = `Enter a name for stage ${i + 1}`;
        if (wholeNumber(s.limitAmount) === null) problems[`stages.${i}.limitAmount`] = `Enter stage ${i + 1}'s time limit as a whole number, for example 5`;
        if (!s.raiserRoles?.length && !s.responderRoles?.length && !s.partnershipRoles?.length) {
          problems[`stages.${i}.raiserRoles`] = `Choose who acts at stage ${i + 1}: at least one role on the raiser's side, the other agency's side or the partnership's`;
        }
      });
      if (v.urgentPathEnabled && wholeNumber(v.urgentLimitHours) === null) {
        problems.urgentLimitHours = 'Enter the hours each stage of an urgent disagreement has, as a whole number, for example 4';
      }
      return problems;
    },
    async (v) => {
      const input: Input = {
        name: ladder.name, urgentPathEnabled: v.urgentPathEnabled,
        // With the urgent path off the hours are kept as loaded unless a valid number was typed.
        urgentLimitHours: wholeNumber(v.urgentLimitHours) ?? ladder.urgentLimitHours,
        reasonCategories: ladder.reasonCategories.map((c) => ({ code: c.code, label: c.label, excluded: c.excluded, redirectTo: c.redirectTo ?? null })),
        stages: v.stages.map(({ key: _key, ...s }) => ({ ...s, label: s.label.trim(), limitAmount: wholeNumber(s.limitAmount)! })),
      };
      const answer = (await save({ input })).data?.escalationLadderSave;
      if (answer?.__typename === 'EscalationLadderSaveSuccess') onSaved(ladderOf(answer.ladder));
      else if (answer?.__typename === 'ValidationError') form.fail(ladderErrors(answer.fieldErrors, v.stages.length));
      else form.fail({ 'stages.0.label': answer?.message ?? 'The ladder could not be saved. Try again.' });
    },
  );

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="edit-title">
      <h2 className="govuk-heading-m" id="edit-title">Change the stages</h2>
      <ErrorSummary errors={errors} />
      {values.stages.map((stage, i) => {
        const name = (field: string) => `stages.${i}.${field}`;
        return (
          <fieldset key={stage.key} className="govuk-fieldset govuk-!-margin-bottom-6">
            <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">Stage {i + 1}</legend>
            <TextInput name={name('label')} label={`Stage ${i + 1} name`} value={stage.label}
              onChange={(label) => setStage(i, { label })} error={errors[name('label')]} />
            <div className="govuk-grid-row">
              <div className="govuk-grid-column-one-third">
                <TextInput name={name('limitAmount')} label={`Stage ${i + 1} time limit`} width={5} inputMode="numeric" value={stage.limitAmount}
                  onChange={(limitAmount) => setStage(i, { limitAmount })} error={errors[name('limitAmount')]} />
              </div>
              <div className="govuk-grid-column-two-thirds">
                <Select name={name('limitClock')} label={`Stage ${i + 1} counted in`} value={stage.limitClock} options={CLOCKS}
                  onChange={(clock) => setStage(i, { limitClock: clock as Clock })} error={errors[name('limitClock')]} />
              </div>
            </div>
            <StagePreview position={i + 1} amount={wholeNumber(stage.limitAmount)} clock={stage.limitClock} />
            {SIDES.map((side) => (
              <SideRoles key={side.key} name={name(side.key)} label={`${side.label} at stage ${i + 1}`} options={side.options}
                value={stage[side.key] ?? []} onChange={(roles) => setStage(i, { [side.key]: roles })} error={errors[name(side.key)]} />
            ))}
            {values.stages.length > 1 && (
              <button type="button" className="govuk-button govuk-button--secondary" onClick={() => removeStage(i)}>
                Remove stage {i + 1}{stage.label.trim() && <span className="govuk-visually-hidden">{stage.label.trim()}</span>}
              </button>
            )}
          </fieldset>
        );
      })}
      {errors.stages && <p className="govuk-error-message" id="stages">{errors.stages}</p>}
      <div className="govuk-button-group">
        {values.stages.length < MAX_STAGES && (
          <button type="button" className="govuk-button govuk-button--secondary" onClick={addStage}>Add a stage at the end</button>
        )}
      </div>
      <h2 className="govuk-heading-m">Urgent disagreements</h2>
      <Checkboxes name="urgentPathEnabled" label="The urgent path" hint="For a child at immediate risk: the disagreement may start at any stage, with a reason, on an hours clock."
        options={[{ value: 'yes', label: 'An urgent disagreement may start at any stage' }]} value={values.urgentPathEnabled ? ['yes'] : []}
        onChange={(chosen) => form.set('urgentPathEnabled', chosen.includes('yes'))} error={errors.urgentPathEnabled}
        conditional={{ yes: (
          <TextInput name="urgentLimitHours" label="Hours each stage of an urgent disagreement has" hint="Around the clock, 1 to 72" width={5}
            inputMode="numeric" value={values.urgentLimitHours} onChange={(hours) => form.set('urgentLimitHours', hours)} error={errors.urgentLimitHours} />
        ) }} />
      <Submit busy={form.busy}>Save as a new version</Submit>
    </form>
  );
}

export function LadderEditor() {
  const [{ data, fetching, error }] = useQuery({ query: LadderQuery });
  const [saved, setSaved] = useState<Ladder | null>(null);

  if (fetching && !data) return <Loading />;
  if (!data?.escalationLadder) return <ProblemBanner message={error ? 'The ladder could not be loaded. Try again.' : 'The partnership has no escalation ladder yet.'} />;
  const ladder = saved ?? ladderOf(data.escalationLadder);

  return (
    <>
      {saved && <NotificationBanner success>Version {saved.version} of the ladder saved. New disagreements start on it.</NotificationBanner>}
      <Page title="Escalation ladder">
        <p className="govuk-body">{ladder.name}, version {ladder.version}. Disagreements already open stay on the version they started with.</p>
        <Table id="stages-now" caption={`Stages in version ${ladder.version}`} headings={['Stage', 'Time limit', 'Who acts']} empty="No stages"
          rows={ladder.stages.map((s) => [
            `${s.position}. ${s.label}`,
            limitWords(s.limitAmount, s.limitClock),
            <>
              <span className="govuk-!-display-block">Raiser: {rolesWords(s.raiserRoles)}</span>
              <span className="govuk-!-display-block">Other agency: {rolesWords(s.responderRoles)}</span>
              <span className="govuk-!-display-block">Partnership: {rolesWords(s.partnershipRoles)}</span>
            </>,
          ])} />
        <LadderForm key={ladder.version} ladder={ladder} onSaved={setSaved} />
      </Page>
    </>
  );
}
