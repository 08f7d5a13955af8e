// Lookups by id that each row of a list makes (the organisation that asked, the child a request is
// about, the person who decided), gathered into one query per request. Prisma batches findUnique
// too, but through a client call per row and a batch compilation every time: 25 rows of the request
// queue cost 11% of its CPU. A loader lives as long as its request's context, so nothing is shared
// between requests.
import DataLoader from 'dataloader';
import { abilityOf } from '../access/ability.ts';
import { accessibleWhere } from '../access/casl.ts';
import type { Context } from '../context.ts';

const loaders = new WeakMap<Context, Map<string, DataLoader<string, unknown>>>();

export function loaderOf<T extends { id: string }>(
  ctx: Context,
  name: string,
  load: (ids: string[]) => Promise<T[]>,
  missing: 'error' | 'null' = 'error',
): DataLoader<string, T | null> {
  let mine = loaders.get(ctx);
  if (!mine) loaders.set(ctx, (mine = new Map()));
  let loader = mine.get(name) as DataLoader<string, T | null> | undefined;
  if (!loader) {
    loader = new DataLoader<string, T | null>(async (ids) => {
      const rows = new Map((await load([...ids])).map((row) => [row.id, row]));
      // As findUniqueOrThrow: a row that is not there is an unexpected error, unless asked for null.
      return ids.map((id) => rows.get(id) ?? (missing === 'null' ? null : new Error(`No ${name} ${id}`)));
    });
    mine.set(name, loader as DataLoader<string, unknown>);
  }
  return loader;
}

/** An organisation by id: names and kinds of agency are for every signed-in person to see. */
export const organisationById = (ctx: Context, id: string) =>
  loaderOf(ctx, 'organisation', (ids) => ctx.db.organisation.findMany({ where: { id: { in: ids } } })).load(id) as Promise<
    Awaited<ReturnType<Context['db']['organisation']['findFirstOrThrow']>>
  >;

/** The identifying details of the child a request is about (what the asked agency needs, no more). */
export const requestSubjectOf = (ctx: Context, childId: string) =>
  loaderOf(ctx, 'request subject', (ids) =>
    ctx.db.child.findMany({ where: { id: { in: ids } }, select: { id: true, givenName: true, familyName: true, dateOfBirth: true, nhsNumber: true } }),
  ).load(childId) as Promise<{ id: string; givenName: string; familyName: string; dateOfBirth: Date; nhsNumber: string | null }>;

// Pothos' query for a field of a select-mode type ({ select: … }) or an include-mode one
// ({ include: … }). The loader keeps the id, which it matches rows by.
type FieldQuery = { select?: Record<string, unknown>; include?: Record<string, unknown> };
const withId = (query: FieldQuery) => (query.select ? { select: { ...query.select, id: true } } : query);

/**
 * People of the viewer's partnership by id, loaded with the selection the GraphQL field asks for
 * (Pothos' `query`), so a list's people are one query and their fields need no second one.
 * An id from another partnership, or none, reads as nobody.
 */
export const personWithQuery = (ctx: Context, query: FieldQuery, id: string | null) =>
  withQuery(ctx, 'person', query, id, (select, ids) =>
    ctx.db.user.findMany({ ...select, where: { id: { in: ids }, partnershipId: ctx.viewer?.partnershipId ?? '' } }),
  );

/** Organisations of the viewer's partnership by id, with the field's selection (as above). */
export const organisationWithQuery = (ctx: Context, query: FieldQuery, id: string | null) =>
  withQuery(ctx, 'organisation', query, id, (select, ids) =>
    ctx.db.organisation.findMany({ ...select, where: { id: { in: ids }, partnershipId: ctx.viewer?.partnershipId ?? '' } }),
  );

/** Children by id, with the field's selection, only those the viewer may read (anyone else reads as null). */
export const readableChildWithQuery = (ctx: Context, query: FieldQuery, id: string | null) =>
  withQuery(ctx, 'readable child', query, id, (select, ids) =>
    ctx.db.child.findMany({ ...select, where: { AND: [accessibleWhere(abilityOf(ctx), 'read', 'Child'), { id: { in: ids } }] } }),
  );

// One loader per model and selection. The result is typed by the field (Pothos checks the
// selection, not TypeScript), hence `never`, which any prismaField's result type accepts.
function withQuery(
  ctx: Context,
  model: string,
  query: FieldQuery,
  id: string | null,
  load: (select: FieldQuery, ids: string[]) => Promise<{ id: string }[]>,
): Promise<never> | null {
  const name = `${model} ${JSON.stringify(query)}`; // read first: a null field still "uses" its query
  if (!id) return null;
  return loaderOf(ctx, name, (ids) => load(withId(query), ids), 'null').load(id) as Promise<never>;
}
