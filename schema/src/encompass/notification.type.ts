import { queryFromInfo } from '@pothos/plugin-prisma';
import { abilityOf } from '../access/ability.ts';
import { accessibleWhere } from '../access/casl.ts';
import { OrganisationType } from '../admin/organisation.type.ts';
import { builder } from '../builder.ts';
import { ChildType } from '../children/child.type.ts';
import { organisationById } from '../common/loaders.ts';

export const EncompassNotificationType = builder.prismaNode('EncompassNotification', {
  id: { field: 'id' },
  description:
    "Operation Encompass: the police tell a child's school DSL about a domestic-abuse incident before the next school day. " +
    'Confidential to the DSLs: the school must not approach the parents about it.',
  fields: (t) => ({
    reference: t.exposeString('reference', { description: 'Quoted in emails and calls instead of anything about the child.' }),
    policeReference: t.exposeString('policeReference'),
    incidentAt: t.expose('incidentAt', { type: 'DateTime' }),
    location: t.exposeString('location'),
    childPresent: t.exposeBoolean('childPresent'),
    childsVoice: t.exposeString('childsVoice', { nullable: true, description: "The child's voice: what they said, how they seemed." }),
    circumstances: t.exposeString('circumstances'),
    dueBy: t.expose('dueBy', { type: 'DateTime', description: 'The start of the next school day after the incident.' }),
    deliveredAt: t.expose('deliveredAt', { type: 'DateTime', nullable: true }),
    deliveredBeforeNextSchoolDay: t.boolean({
      description: 'Delivered by the start of the next school day (a figure the partnership watches).',
      resolve: (n) => n.deliveredAt !== null && n.deliveredAt <= n.dueBy,
    }),
    acknowledgedAt: t.expose('acknowledgedAt', { type: 'DateTime', nullable: true, description: "When the school's DSL group recorded reading it." }),
    school: t.field({
      type: OrganisationType,
      resolve: (n, _args, ctx) => organisationById(ctx, n.schoolId),
    }),
    policeOrganisation: t.field({
      type: OrganisationType,
      resolve: (n, _args, ctx) => organisationById(ctx, n.policeOrganisationId),
    }),
    // Through the child rules like any other read: null for a child restricted to named people.
    child: t.field({
      type: ChildType,
      nullable: true,
      description: "The child's record. Null only when the child's record is restricted to named people you are not one of.",
      resolve: (n, _args, ctx, info) =>
        ctx.db.child.findFirst({
          ...queryFromInfo({ context: ctx, info, typeName: 'Child' }),
          where: { AND: [accessibleWhere(abilityOf(ctx), 'read', 'Child'), { id: n.childId }] },
        }),
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});
