// The partnership administrator renames an organisation, corrects its external code, marks it a
// lead partner or not, deactivates or reactivates it. Its kind of agency does not change (its
// people's roles depend on it). An organisation where people still have active accounts is not
// deactivated: they would keep signing in to an agency nobody can choose any more, so the
// administrator deactivates or moves them first. What it already recorded stays as it is.
import { z } from 'zod';
import { abilityOf } from '../access/ability.ts';
import { accessibleWhere } from '../access/casl.ts';
import { recordAudit } from '../audit/record.ts';
import { builder } from '../builder.ts';
import { NotAuthorisedError, NotFoundError, ValidationError, type FieldProblem } from '../common/failures.ts';
import { idOf } from '../common/ids.ts';
import { successType } from '../common/results.ts';
import { problemsOf } from '../common/validation.ts';
import { leadPartnerProblem, nameTaken } from './organisationCreate.mutation.ts';
import { codeProblem, normaliseCode, organisationName, takenProblems } from './organisationRules.ts';

const OrganisationUpdateInput = builder.inputType('OrganisationUpdateInput', {
  description: 'Only the fields given change; externalCode null removes the code.',
  fields: (t) => ({
    organisationId: t.globalID(),
    name: t.string({ required: false }),
    externalCode: t.string({ required: false }),
    leadPartner: t.boolean({ required: false }),
    active: t.boolean({ required: false }),
  }),
});

const Rules = z.object({
  name: organisationName.optional(),
  leadPartner: z.boolean().nullish(),
  active: z.boolean().nullish(),
});

const OrganisationUpdateSuccess = successType('OrganisationUpdateSuccess', 'organisation', 'Organisation');

builder.mutationField('organisationUpdate', (t) =>
  t.field({
    type: OrganisationUpdateSuccess,
    errors: { types: [ValidationError, NotFoundError, NotAuthorisedError], directResult: true, union: { name: 'OrganisationUpdateResult' } },
    args: { input: t.arg({ type: OrganisationUpdateInput }) },
    resolve: async (_root, { input }, ctx) => {
      const viewer = ctx.viewer!;
      const ability = abilityOf(ctx);
      if (!ability.can('update', 'Organisation')) throw new NotAuthorisedError('Only the partnership administrator changes organisations');
      const id = idOf(input.organisationId, 'Organisation');
      const organisation = id ? await ctx.db.organisation.findFirst({ where: { AND: [accessibleWhere(ability, 'update', 'Organisation'), { id }] } }) : null;
      if (!organisation) throw new NotFoundError('No organisation with that id in your partnership');

      const parsed = Rules.safeParse({ ...input, name: input.name ?? undefined });
      const problems: FieldProblem[] = parsed.success ? [] : problemsOf(parsed.error, ['input']);
      const externalCode = input.externalCode === undefined ? organisation.externalCode : normaliseCode(input.externalCode);
      // A code is checked when it is changed: an old one of another shape does not block a rename.
      const code = input.externalCode === undefined ? null : codeProblem(organisation.agencyType, externalCode);
      if (code) problems.push({ path: ['input', 'externalCode'], message: code });
      const data = parsed.success ? parsed.data : null;
      const leadPartner = data?.leadPartner ?? organisation.leadPartner;
      if (data?.leadPartner) problems.push(...leadPartnerProblem(organisation.agencyType, leadPartner));
      const active = data?.active ?? organisation.active;

      await ctx.db.$transaction(async (tx) => {
        problems.push(...await takenProblems(tx, viewer.partnershipId, {
          id: organisation.id, agencyType: organisation.agencyType,
          name: data?.name && data.name !== organisation.name ? data.name : undefined,
          externalCode: !code && externalCode !== organisation.externalCode ? externalCode : null,
        }));
        if (organisation.active && !active) {
          const people = await tx.user.count({ where: { organisationId: organisation.id, active: true } });
          if (people > 0) {
            problems.push({
              path: ['input', 'active'],
              message: `${organisation.name} still has ${people === 1 ? '1 person' : `${people} people`} with an active account: deactivate them first`,
            });
          }
        }
        if (!data || problems.length) throw new ValidationError(problems);
        const updated = await tx.organisation.update({
          where: { id: organisation.id },
          data: { name: data.name ?? organisation.name, externalCode, leadPartner, active },
        });
        const changed = (['name', 'externalCode', 'leadPartner', 'active'] as const).filter((f) => updated[f] !== organisation[f]);
        await recordAudit(tx, ctx, {
          action: organisation.active && !active ? 'organisation.deactivate' : !organisation.active && active ? 'organisation.reactivate' : 'organisation.update',
          subjectType: 'Organisation', subjectId: organisation.id,
          detail: { changed, nameBefore: organisation.name, name: updated.name, externalCodeBefore: organisation.externalCode, externalCode, leadPartner, active },
        });
      }).catch(nameTaken);
      return { id: organisation.id };
    },
  }),
);
