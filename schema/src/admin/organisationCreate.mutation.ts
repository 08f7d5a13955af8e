// The partnership administrator adds an organisation: its name (unique in the partnership), kind
// of agency (fixed from then on: people's roles depend on it), the code its sector knows it by,
// and whether it is one of the statutory safeguarding partners. Every problem is reported at once
// and nothing is written unless all is well.
import { AgencyType, Prisma } from '@wraparound/prisma';
import { z } from 'zod';
import { abilityOf } from '../access/ability.ts';
import { recordAudit } from '../audit/record.ts';
import { builder } from '../builder.ts';
import { NotAuthorisedError, ValidationError, type FieldProblem } from '../common/failures.ts';
import { successType } from '../common/results.ts';
import { problemsOf } from '../common/validation.ts';
import { AgencyTypeEnum } from './organisation.type.ts';
import { codeProblem, LEAD_PARTNER_TYPES, normaliseCode, organisationName, takenProblems } from './organisationRules.ts';

const OrganisationCreateInput = builder.inputType('OrganisationCreateInput', {
  fields: (t) => ({
    name: t.string(),
    // Optional in the schema on purpose: a missing choice is a field error shown beside the radios.
    agencyType: t.field({ type: AgencyTypeEnum, required: false }),
    externalCode: t.string({ required: false, description: "A school's URN (required), an NHS ODS code, a police force code, a local authority code." }),
    leadPartner: t.boolean({ required: false, defaultValue: false, description: 'One of the statutory safeguarding partners: the local authority, the police or the NHS ICB.' }),
  }),
});

const Rules = z.object({
  name: organisationName,
  agencyType: z.enum(AgencyType, { error: 'Choose the kind of organisation' }),
  leadPartner: z.boolean().nullish().transform((v) => v ?? false),
});

/** A lead partner that is not the local authority, the police or health, as a field problem. */
export function leadPartnerProblem(agencyType: AgencyType, leadPartner: boolean): FieldProblem[] {
  return leadPartner && !LEAD_PARTNER_TYPES.has(agencyType)
    ? [{ path: ['input', 'leadPartner'], message: 'Only the local authority, the police or the NHS integrated care board is a statutory safeguarding partner' }]
    : [];
}

/** The unique index on names decides between two administrators racing (after the lock, rarely). */
export const nameTaken = (error: unknown) => {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
    throw ValidationError.field(['input', 'name'], 'Another organisation of your partnership already has this name');
  }
  throw error;
};

const OrganisationCreateSuccess = successType('OrganisationCreateSuccess', 'organisation', 'Organisation');

builder.mutationField('organisationCreate', (t) =>
  t.field({
    type: OrganisationCreateSuccess,
    errors: { types: [ValidationError, NotAuthorisedError], directResult: true, union: { name: 'OrganisationCreateResult' } },
    args: { input: t.arg({ type: OrganisationCreateInput }) },
    resolve: async (_root, { input }, ctx) => {
      const viewer = ctx.viewer!;
      if (!abilityOf(ctx).can('create', 'Organisation')) throw new NotAuthorisedError('Only the partnership administrator adds organisations');
      const parsed = Rules.safeParse(input);
      const problems: FieldProblem[] = parsed.success ? [] : problemsOf(parsed.error, ['input']);
      const externalCode = normaliseCode(input.externalCode);
      const agencyType = input.agencyType ?? null;
      const code = agencyType ? codeProblem(agencyType, externalCode) : null;
      if (code) problems.push({ path: ['input', 'externalCode'], message: code });
      if (parsed.success) problems.push(...leadPartnerProblem(parsed.data.agencyType, parsed.data.leadPartner));
      const name = organisationName.safeParse(input.name);

      const id = await ctx.db.$transaction(async (tx) => {
        if (agencyType) {
          problems.push(...await takenProblems(tx, viewer.partnershipId, { agencyType, name: name.data, externalCode: code ? null : externalCode }));
        }
        if (!parsed.success || problems.length) throw new ValidationError(problems);
        const data = parsed.data;
        const created = await tx.organisation.create({
          data: { partnershipId: viewer.partnershipId, name: data.name, agencyType: data.agencyType, externalCode, leadPartner: data.leadPartner },
        });
        await recordAudit(tx, ctx, {
          action: 'organisation.create', subjectType: 'Organisation', subjectId: created.id,
          detail: { name: created.name, agencyType: created.agencyType, externalCode, leadPartner: created.leadPartner },
        });
        return created.id;
      }).catch(nameTaken);
      return { id };
    },
  }),
);
