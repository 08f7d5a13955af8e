// The success half of a mutation's typed result: `{ <field>: <the record> }`, loaded with the
// selection the client asked for. Mutations return `{ id }` and this loads the rest.
import type { Database } from '@wraparound/prisma';
import { builder } from '../builder.ts';

const loaders = {
  Child: (db: Database, args: object) => db.child.findUniqueOrThrow(args as never),
  Concern: (db: Database, args: object) => db.concern.findUniqueOrThrow(args as never),
  Referral: (db: Database, args: object) => db.referral.findUniqueOrThrow(args as never),
  Share: (db: Database, args: object) => db.share.findUniqueOrThrow(args as never),
  Disagreement: (db: Database, args: object) => db.disagreement.findUniqueOrThrow(args as never),
  InformationRequest: (db: Database, args: object) => db.informationRequest.findUniqueOrThrow(args as never),
  InformationRequestRecipient: (db: Database, args: object) => db.informationRequestRecipient.findUniqueOrThrow(args as never),
  EncompassNotification: (db: Database, args: object) => db.encompassNotification.findUniqueOrThrow(args as never),
  Restriction: (db: Database, args: object) => db.restriction.findUniqueOrThrow(args as never),
  BreakGlassGrant: (db: Database, args: object) => db.breakGlassGrant.findUniqueOrThrow(args as never),
  EscalationLadder: (db: Database, args: object) => db.escalationLadder.findUniqueOrThrow(args as never),
  User: (db: Database, args: object) => db.user.findUniqueOrThrow(args as never),
  Organisation: (db: Database, args: object) => db.organisation.findUniqueOrThrow(args as never),
  ConcernPattern: (db: Database, args: object) => db.concernPattern.findUniqueOrThrow(args as never),
} as const;

export function successType(name: string, field: string, model: keyof typeof loaders) {
  return builder.objectRef<{ id: string }>(name).implement({
    fields: (t) => ({
      [field]: t.prismaField({
        type: model,
        resolve: (query, { id }, _args, ctx) => loaders[model](ctx.db, { ...query, where: { id } }) as never,
      }),
    }),
  });
}
