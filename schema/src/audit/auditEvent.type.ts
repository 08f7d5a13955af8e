import { builder } from '../builder.ts';
import '../admin/user.type.ts';

/** `detail.entryIds`, which the chronology read writes (chronology.query.ts). */
function entryIdsOf(detail: unknown): string[] {
  const ids = (detail as { entryIds?: unknown } | null)?.entryIds;
  return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : [];
}

export const AuditEventType = builder.prismaObject('AuditEvent', {
  description: "One entry in the append-only, hash-chained audit trail. Ids and actions, never a child's details.",
  fields: (t) => ({
    sequence: t.string({ resolve: (e) => e.seq.toString() }),
    occurredAt: t.expose('occurredAt', { type: 'DateTime' }),
    action: t.exposeString('action'),
    actor: t.relation('actor', { nullable: true }),
    subjectType: t.exposeString('subjectType', { nullable: true }),
    childId: t.globalID({
      nullable: true,
      description: 'The child the event is about, as an id only (the IG lead opens their access log with it).',
      resolve: (e) => (e.childId ? { type: 'Child', id: e.childId } : null),
    }),
    purpose: t.exposeString('purpose', { nullable: true }),
    entriesShown: t.globalIDList({
      description: 'The chronology entries the event showed (a chronology page read), as ids only; empty for other events.',
      resolve: (e) => entryIdsOf(e.detail).map((id) => ({ type: 'ChronologyEntry', id })),
    }),
  }),
});
