// Lookups by id that each row of a list makes (the organisation that asked, the child a request is
// about), gathered into one query per request. Prisma batches findUnique too, but through a client
// call per row and a batch compilation every time: 25 rows of the request queue cost 11% of its CPU.
// A loader lives as long as its request's context, so nothing is shared between requests.
import DataLoader from 'dataloader';
import type { Context } from '../context.ts';

const loaders = new WeakMap<Context, Map<string, DataLoader<string, unknown>>>();

function loaderOf<T extends { id: string }>(ctx: Context, name: string, load: (ids: string[]) => Promise<T[]>): DataLoader<string, T> {
  let mine = loaders.get(ctx);
  if (!mine) loaders.set(ctx, (mine = new Map()));
  let loader = mine.get(name) as DataLoader<string, T> | undefined;
  if (!loader) {
    loader = new DataLoader<string, T>(async (ids) => {
      const rows = new Map((await load([...ids])).map((row) => [row.id, row]));
      // As findUniqueOrThrow: a row that is not there is an unexpected error, not a null.
      return ids.map((id) => rows.get(id) ?? new Error(`No ${name} ${id}`));
    });
    mine.set(name, loader as DataLoader<string, unknown>);
  }
  return loader;
}

/** An organisation by id: names and kinds of agency are for every signed-in person to see. */
export const organisationById = (ctx: Context, id: string) =>
  loaderOf(ctx, 'organisation', (ids) => ctx.db.organisation.findMany({ where: { id: { in: ids } } })).load(id);

/** The identifying details of the child a request is about (what the asked agency needs, no more). */
export const requestSubjectOf = (ctx: Context, childId: string) =>
  loaderOf(ctx, 'request subject', (ids) =>
    ctx.db.child.findMany({ where: { id: { in: ids } }, select: { id: true, givenName: true, familyName: true, dateOfBirth: true, nhsNumber: true } }),
  ).load(childId);
