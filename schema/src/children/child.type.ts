import { Gender } from '@wraparound/prisma';
import { builder } from '../builder.ts';
import { abilityOf } from '../access/ability.ts';
import { ChildStatusKindEnum } from '../common/enums.ts';
import { RevisionType, revisionViews, snapshotOf } from '../common/revisions.ts';
import { CHILD_FIELDS } from './childDetails.ts';
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
    version: t.exposeInt('version'),
    mergedInto: t.globalID({
      nullable: true,
      description: 'Set when this record was merged into another record of the same child: use that one.',
      resolve: (c) => (c.mergedIntoId ? { type: 'Child', id: c.mergedIntoId } : null),
    }),
    revisions: t.field({
      type: [RevisionType],
      description: 'Corrections to this record, oldest first: what it said before, what changed, who and why.',
      select: { revisions: true },
      resolve: (child) =>
        revisionViews(
          child.revisions.map((r) => ({ version: r.version, reason: r.reason, createdAt: r.createdAt, by: r.changedById, snapshot: r.snapshot })),
          snapshotOf(child, CHILD_FIELDS),
        ),
    }),
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
