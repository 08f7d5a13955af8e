import { Gender } from '@wraparound/prisma';
import { builder } from '../builder.ts';
import { abilityOf } from '../access/ability.ts';
import { ChildStatusKindEnum } from '../common/enums.ts';
import '../admin/organisation.type.ts';

export const GenderEnum = builder.enumType(Gender, { name: 'Gender' });

export const ChildStatusType = builder.prismaObject('ChildStatusPeriod', {
  name: 'ChildStatus',
  description: 'A period on a child protection plan, as a child in need, or looked after.',
  fields: (t) => ({
    kind: t.expose('kind', { type: ChildStatusKindEnum }),
    startedOn: t.expose('startedOn', { type: 'Date' }),
    endedOn: t.expose('endedOn', { type: 'Date', nullable: true }),
    current: t.boolean({ resolve: (s) => s.endedOn === null }),
  }),
});

export const ChildType = builder.prismaNode('Child', {
  id: { field: 'id' },
  description: 'A child known to one or more agencies in the partnership.',
  fields: (t) => ({
    givenName: t.exposeString('givenName'),
    familyName: t.exposeString('familyName'),
    otherNames: t.exposeString('otherNames', { nullable: true }),
    preferredName: t.exposeString('preferredName', { nullable: true }),
    dateOfBirth: t.expose('dateOfBirth', { type: 'Date' }),
    gender: t.expose('gender', { type: GenderEnum }),
    nhsNumber: t.exposeString('nhsNumber', { nullable: true }),
    upn: t.exposeString('upn', { nullable: true }),
    school: t.relation('school', { nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    statuses: t.field({
      type: [ChildStatusType],
      nullable: true,
      description: 'Plan, child-in-need and looked-after periods, newest first. Null when your role may not see them.',
      select: { statuses: { orderBy: { startedOn: 'desc' } } },
      // Field-level rule: the child is readable (it was loaded through the rules), but statuses
      // are only for roles that read records.
      resolve: (child, _args, ctx) => (abilityOf(ctx).can('read', 'Child', 'statuses') ? child.statuses : null),
    }),
  }),
});
