// People named by id on restrictions and grants (members, creators, grantees, reviewers): the
// model keeps only their ids, so they are loaded here, batched into one query per request tick
// instead of one per row (a list of 100 grants is one query for their people, not 100).
import type { User } from '@wraparound/prisma';
import type { Context } from '../context.ts';

interface Batch {
  cache: Map<string, Promise<User | null>>;
  queue: { id: string; resolve: (user: User | null) => void; reject: (error: unknown) => void }[];
}

const batches = new WeakMap<Context, Batch>();

async function flush(ctx: Context, batch: Batch) {
  const queue = batch.queue.splice(0);
  try {
    // Same partnership only: an id from elsewhere reads as nobody.
    const users = await ctx.db.user.findMany({
      where: { id: { in: [...new Set(queue.map((q) => q.id))] }, partnershipId: ctx.viewer?.partnershipId ?? '' },
    });
    const byId = new Map(users.map((u) => [u.id, u]));
    for (const q of queue) q.resolve(byId.get(q.id) ?? null);
  } catch (error) {
    for (const q of queue) q.reject(error);
  }
}

export function personById(ctx: Context, id: string): Promise<User | null> {
  let batch = batches.get(ctx);
  if (!batch) {
    batch = { cache: new Map(), queue: [] };
    batches.set(ctx, batch);
  }
  const known = batch.cache.get(id);
  if (known) return known;
  const state = batch;
  const promise = new Promise<User | null>((resolve, reject) => {
    state.queue.push({ id, resolve, reject });
    // Resolvers of one list's rows run in the same tick: collect them all, then load once.
    if (state.queue.length === 1) setImmediate(() => void flush(ctx, state));
  });
  batch.cache.set(id, promise);
  return promise;
}

export async function peopleByIds(ctx: Context, ids: readonly string[]): Promise<User[]> {
  const people = await Promise.all(ids.map((id) => personById(ctx, id)));
  return people.filter((p): p is User => p !== null).sort((a, b) => a.displayName.localeCompare(b.displayName, 'en-GB'));
}

/** For a non-null field: the person must exist (ids on these rows are never dangling). */
export async function requiredPerson(ctx: Context, id: string): Promise<User> {
  const person = await personById(ctx, id);
  if (!person) throw new Error(`no user ${id} in the viewer's partnership`);
  return person;
}
