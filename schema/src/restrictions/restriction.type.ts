import { builder } from '../builder.ts';
import { UserType } from '../admin/user.type.ts';
import { peopleByIds, personById, requiredPerson } from './people.ts';

// The restricted child or entry is given as an id only, never as a relation: reaching the record
// itself must go through `child` / `chronologyEntry`, which apply the read rules. (The IG lead
// lists restrictions but may not read any child's record.)
export const RestrictionType = builder.prismaNode('Restriction', {
  id: { field: 'id' },
  description: "A child's whole record, or one entry, made visible only to named people.",
  fields: (t) => ({
    childId: t.globalID({
      nullable: true,
      description: "The child whose whole record is restricted; null when one entry is.",
      resolve: (r) => (r.childId ? { type: 'Child', id: r.childId } : null),
    }),
    entryId: t.globalID({
      nullable: true,
      description: 'The restricted entry; null when the whole record is.',
      resolve: (r) => (r.entryId ? { type: 'ChronologyEntry', id: r.entryId } : null),
    }),
    reason: t.exposeString('reason'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    createdBy: t.field({
      type: UserType,
      resolve: (r, _args, ctx) => requiredPerson(ctx, r.createdById),
    }),
    members: t.field({
      type: [UserType],
      description: 'The people who may still see the record (if their role lets them see it at all).',
      select: { members: { select: { userId: true } } },
      // RestrictionMember has no relation to User in the model: the people are loaded by id.
      resolve: (r, _args, ctx) => peopleByIds(ctx, r.members.map((m) => m.userId)),
    }),
    active: t.boolean({ resolve: (r) => r.liftedAt === null }),
    liftedAt: t.expose('liftedAt', { type: 'DateTime', nullable: true }),
    liftedBy: t.field({
      type: UserType,
      nullable: true,
      resolve: (r, _args, ctx) => (r.liftedById ? personById(ctx, r.liftedById) : null),
    }),
  }),
});
