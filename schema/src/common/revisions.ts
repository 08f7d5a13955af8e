// Corrections keep the earlier version visible: each revision row holds the values as they were
// before a correction. The changes a correction made are the differences between that snapshot
// and the next one (or the record as it is now).
import { builder } from '../builder.ts';

export interface FieldChange {
  field: string;
  from: string | null;
  to: string | null;
}

export interface RevisionView {
  version: number;
  reason: string;
  changedAt: Date;
  changedById: string;
  changes: FieldChange[];
}

function show(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.join(', ');
  return String(value);
}

/** Snapshots must hold JSON-safe values: dates as ISO strings. */
export function snapshotOf<T extends Record<string, unknown>>(record: T, fields: readonly (keyof T & string)[]) {
  return Object.fromEntries(fields.map((f) => [f, show(record[f])])) as Record<string, string | null>;
}

export function revisionViews(
  revisions: { version: number; reason: string; createdAt: Date; by: string; snapshot: unknown }[],
  current: Record<string, string | null>,
): RevisionView[] {
  const ordered = [...revisions].sort((a, b) => a.version - b.version);
  return ordered.map((rev, i) => {
    const before = rev.snapshot as Record<string, string | null>;
    const after = (ordered[i + 1]?.snapshot as Record<string, string | null> | undefined) ?? current;
    const changes = Object.keys(before)
      .filter((field) => (before[field] ?? null) !== (after[field] ?? null))
      .map((field) => ({ field, from: before[field] ?? null, to: after[field] ?? null }));
    return { version: rev.version, reason: rev.reason, changedAt: rev.createdAt, changedById: rev.by, changes };
  });
}

const FieldChangeType = builder.objectRef<FieldChange>('FieldChange').implement({
  fields: (t) => ({
    field: t.exposeString('field'),
    from: t.exposeString('from', { nullable: true }),
    to: t.exposeString('to', { nullable: true }),
  }),
});

export const RevisionType = builder.objectRef<RevisionView>('Revision').implement({
  description: 'A correction: what the record said before, what changed, who changed it and why.',
  fields: (t) => ({
    version: t.exposeInt('version', { description: 'The version this correction replaced.' }),
    reason: t.exposeString('reason'),
    changedAt: t.expose('changedAt', { type: 'DateTime' }),
    changedBy: t.prismaField({
      type: 'User',
      resolve: (query, r, _args, ctx) => ctx.db.user.findUniqueOrThrow({ ...query, where: { id: r.changedById } }),
    }),
    changes: t.field({ type: [FieldChangeType], resolve: (r) => r.changes }),
  }),
});
