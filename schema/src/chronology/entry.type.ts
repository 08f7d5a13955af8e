import { builder } from '../builder.ts';
import { ConcernCategoryEnum, EntryKindEnum } from '../common/enums.ts';
import { readableChildWithQuery } from '../common/loaders.ts';
import '../admin/organisation.type.ts';
import '../admin/user.type.ts';
import '../children/child.type.ts';

// Selects only the columns the client asked for (a chronology page is 100 rows; every column of
// each cost half its CPU in the server): childId always, for the audit of a single read.
export const ChronologyEntryType = builder.prismaNode('ChronologyEntry', {
  id: { field: 'id' },
  select: { id: true, childId: true },
  description: "One agency's record in a child's chronology: a concern, an incident, a contact, a decision.",
  fields: (t) => ({
    kind: t.expose('kind', { type: EntryKindEnum }),
    categories: t.expose('categories', { type: [ConcernCategoryEnum] }),
    customCategories: t.exposeStringList('customCategories'),
    occurredAt: t.expose('occurredAt', { type: 'DateTime', description: 'When it happened.' }),
    recordedAt: t.expose('recordedAt', { type: 'DateTime', description: 'When it was written down.' }),
    backdated: t.boolean({
      description: 'Recorded more than a day after it happened.',
      select: { recordedAt: true, occurredAt: true },
      resolve: (e) => e.recordedAt.getTime() - e.occurredAt.getTime() > 24 * 3600_000,
    }),
    summary: t.exposeString('summary'),
    detail: t.exposeString('detail', { nullable: true }),
    sensitive: t.exposeBoolean('sensitive', { description: 'Health or police-sensitive: shared only by an explicit decision.' }),
    organisation: t.relation('organisation'),
    author: t.relation('author'),
    concern: t.relation('concern', { nullable: true }),
    // Through the child rules, not the relation: reading an entry is not reading the child's record.
    child: t.prismaField({
      type: 'Child',
      nullable: true,
      description: 'Who the entry is about, when you may read their record (null otherwise).',
      resolve: (query, e, _args, ctx) => readableChildWithQuery(ctx, query, e.childId),
    }),
    version: t.exposeInt('version'),
  }),
});
