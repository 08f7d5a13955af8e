import { AgencyType } from '@wraparound/prisma';
import { abilityOf } from '../access/ability.ts';
import { builder } from '../builder.ts';
import type { Context } from '../context.ts';

export const AgencyTypeEnum = builder.enumType(AgencyType, { name: 'AgencyType' });

// What only the partnership administrator is told about an organisation: its external code and how
// many people work there. Everyone else gets null: the rest of the partnership needs names and
// agency types to choose whom to ask or tell, nothing more.
const administers = (ctx: Context, organisation: { partnershipId: string }) =>
  ctx.viewer !== null && organisation.partnershipId === ctx.viewer.partnershipId && abilityOf(ctx).can('update', 'Organisation');

// Selects only the columns asked for (usually the name).
export const OrganisationType = builder.prismaNode('Organisation', {
  id: { field: 'id' },
  select: { id: true },
  description: 'An agency in the partnership: a school, a police team, a health provider, social care.',
  fields: (t) => ({
    name: t.exposeString('name'),
    agencyType: t.expose('agencyType', { type: AgencyTypeEnum }),
    leadPartner: t.exposeBoolean('leadPartner', { description: 'One of the statutory safeguarding partners.' }),
    active: t.exposeBoolean('active', { description: 'False once the administrator has deactivated it: it is no longer offered to choose from.' }),
    externalCode: t.string({
      nullable: true,
      description: "Its URN, NHS ODS code, police force code or local authority code. The partnership administrator's only: null for anyone else.",
      select: { externalCode: true, partnershipId: true },
      resolve: (o, _args, ctx) => (administers(ctx, o) ? o.externalCode : null),
    }),
    activePeople: t.int({
      nullable: true,
      description: "How many people here have an active account. The partnership administrator's only: null for anyone else.",
      select: { partnershipId: true, _count: { select: { users: { where: { active: true } } } } },
      resolve: (o, _args, ctx) => (administers(ctx, o) ? o._count.users : null),
    }),
  }),
});

export const PartnershipType = builder.prismaNode('Partnership', {
  id: { field: 'id' },
  description: 'A Safeguarding Children Partnership: everything in Wraparound belongs to one.',
  fields: (t) => ({
    code: t.exposeString('code'),
    name: t.exposeString('name'),
  }),
});
