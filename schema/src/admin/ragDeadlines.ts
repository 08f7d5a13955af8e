// The partnership's RAG deadlines for MASH information requests as configuration (docs/domain.md:
// partnerships set them locally). Read by everyone (the MASH sees what each rating gives the
// agencies it asks); changed by the partnership administrator only, all three at once, so the
// order red–amber–green is checked as a whole. A request takes its deadline when it is made: a
// change applies to new requests, and those already made keep theirs.
import { abilityOf } from '../access/ability.ts';
import { recordAudit } from '../audit/record.ts';
import { builder } from '../builder.ts';
import { calendarOf } from '../calendar/partnershipCalendar.ts';
import { ClockKindEnum, RagEnum } from '../common/enums.ts';
import { NotAuthorisedError, ValidationError } from '../common/failures.ts';
import { parseInput } from '../common/validation.ts';
import { amountWords, orderProblems, RAG_ORDER, ragDeadlineRules } from './ragDeadlineRules.ts';

const RagDeadlineType = builder.prismaObject('RagDeadline', {
  description: 'How long the agencies asked have to answer an information request of one RAG rating.',
  fields: (t) => ({
    rag: t.expose('rag', { type: RagEnum }),
    amount: t.exposeInt('amount', { description: 'In units of clock.' }),
    clock: t.expose('clock', { type: ClockKindEnum }),
    description: t.string({ description: 'In words, e.g. "4 working hours".', resolve: (d) => amountWords(d.amount, d.clock) }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});

const inOrder = <T extends { rag: string }>(rows: T[]) => [...rows].sort((a, b) => RAG_ORDER.indexOf(a.rag as never) - RAG_ORDER.indexOf(b.rag as never));

builder.queryField('ragDeadlines', (t) =>
  t.prismaField({
    type: [RagDeadlineType],
    description: "Your partnership's deadline for each RAG rating of information request: red, amber, green.",
    resolve: async (query, _root, _args, ctx) => inOrder(await ctx.db.ragDeadline.findMany({ ...query, where: { partnershipId: ctx.viewer!.partnershipId } })),
  }),
);

const RagDeadlineInput = builder.inputType('RagDeadlineInput', {
  fields: (t) => ({ amount: t.int(), clock: t.field({ type: ClockKindEnum }) }),
});

const RagDeadlinesInput = builder.inputType('RagDeadlinesInput', {
  description: 'All three deadlines at once.',
  fields: (t) => ({
    red: t.field({ type: RagDeadlineInput }),
    amber: t.field({ type: RagDeadlineInput }),
    green: t.field({ type: RagDeadlineInput }),
  }),
});

const RagDeadlinesUpdateSuccess = builder.objectRef<{ partnershipId: string }>('RagDeadlinesUpdateSuccess').implement({
  fields: (t) => ({
    ragDeadlines: t.prismaField({
      type: [RagDeadlineType],
      resolve: async (query, r, _args, ctx) => inOrder(await ctx.db.ragDeadline.findMany({ ...query, where: { partnershipId: r.partnershipId } })),
    }),
  }),
});

const words = (d: { rag: string; amount: number; clock: Parameters<typeof amountWords>[1] }) => `${d.rag} ${amountWords(d.amount, d.clock)}`;

builder.mutationField('ragDeadlinesUpdate', (t) =>
  t.field({
    type: RagDeadlinesUpdateSuccess,
    description: 'Sets the deadlines new information requests get. Partnership administrator only.',
    errors: { types: [ValidationError, NotAuthorisedError], directResult: true, union: { name: 'RagDeadlinesUpdateResult' } },
    args: { input: t.arg({ type: RagDeadlinesInput }) },
    resolve: async (_root, { input }, ctx) => {
      const viewer = ctx.viewer!;
      if (!abilityOf(ctx).can('update', 'PartnershipSettings')) throw new NotAuthorisedError('Only the partnership administrator changes the RAG deadlines');
      const settings = parseInput(ragDeadlineRules, input);
      const order = orderProblems(await calendarOf(ctx.db, viewer.partnershipId), settings);
      if (order.length) throw new ValidationError(order);
      await ctx.db.$transaction(async (tx) => {
        const before = inOrder(await tx.ragDeadline.findMany({ where: { partnershipId: viewer.partnershipId } }));
        const after = RAG_ORDER.map((rag) => ({ rag, ...settings[rag.toLowerCase() as keyof typeof settings] }));
        for (const { rag, amount, clock } of after) {
          await tx.ragDeadline.upsert({
            where: { partnershipId_rag: { partnershipId: viewer.partnershipId, rag } },
            create: { partnershipId: viewer.partnershipId, rag, amount, clock },
            update: { amount, clock },
          });
        }
        await recordAudit(tx, ctx, { action: 'ragDeadlines.update', detail: { before: before.map(words), after: after.map(words) } });
      });
      return { partnershipId: viewer.partnershipId };
    },
  }),
);
