// The partnership's working calendar as configuration: office hours (for working-hours clocks),
// which bank holidays apply (England or Wales), and its own closure days. Read by everyone (every
// deadline depends on it); changed by the partnership administrator only.
import { z } from 'zod';
import { abilityOf } from '../access/ability.ts';
import { recordAudit } from '../audit/record.ts';
import { builder } from '../builder.ts';
import { NotAuthorisedError, ValidationError } from '../common/failures.ts';
import { parseInput } from '../common/validation.ts';

interface CalendarView {
  holidayRegion: string;
  timeZone: string;
  officeOpens: string;
  officeCloses: string;
  closureDays: { date: Date; description: string }[];
}

const hhmm = (minute: number) => `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
const minuteOf = (value: string) => Number(value.slice(0, 2)) * 60 + Number(value.slice(3, 5));

const HolidayRegion = builder.enumType('HolidayRegion', {
  values: { GB_ENG: { description: 'England' }, GB_WLS: { description: 'Wales' } } as const,
});

const ClosureDayType = builder.objectRef<{ date: Date; description: string }>('ClosureDay').implement({
  fields: (t) => ({ date: t.expose('date', { type: 'Date' }), description: t.exposeString('description') }),
});

const CalendarType = builder.objectRef<CalendarView>('PartnershipCalendar').implement({
  fields: (t) => ({
    holidayRegion: t.field({ type: HolidayRegion, resolve: (c) => (c.holidayRegion === 'GB-WLS' ? 'GB_WLS' : 'GB_ENG') }),
    timeZone: t.exposeString('timeZone'),
    officeOpens: t.exposeString('officeOpens', { description: 'HH:MM, local time.' }),
    officeCloses: t.exposeString('officeCloses', { description: 'HH:MM, local time.' }),
    closureDays: t.field({ type: [ClosureDayType], resolve: (c) => c.closureDays }),
  }),
});

async function load(db: Parameters<typeof recordAudit>[0], partnershipId: string): Promise<CalendarView> {
  const p = await db.partnership.findUniqueOrThrow({ where: { id: partnershipId }, include: { closureDays: { orderBy: { date: 'asc' } } } });
  return {
    holidayRegion: p.holidayRegion, timeZone: p.timeZone, officeOpens: hhmm(p.officeOpensMinute), officeCloses: hhmm(p.officeClosesMinute),
    closureDays: p.closureDays.map((d) => ({ date: d.date, description: d.description })),
  };
}

builder.queryField('partnershipCalendar', (t) =>
  t.field({ type: CalendarType, resolve: (_root, _args, ctx) => load(ctx.db, ctx.viewer!.partnershipId) }),
);

const ClosureDayInput = builder.inputType('ClosureDayInput', {
  fields: (t) => ({ date: t.field({ type: 'Date' }), description: t.string() }),
});

const CalendarInput = builder.inputType('PartnershipCalendarInput', {
  description: 'Only the fields given change.',
  fields: (t) => ({
    holidayRegion: t.field({ type: HolidayRegion, required: false }),
    officeOpens: t.string({ required: false, description: 'HH:MM' }),
    officeCloses: t.string({ required: false, description: 'HH:MM' }),
    addClosureDays: t.field({ type: [ClosureDayInput], required: false }),
    removeClosureDays: t.field({ type: ['Date'], required: false }),
  }),
});

const TIME = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Write the time as HH:MM, e.g. 09:00');
const Rules = z.object({
  officeOpens: TIME.nullish(),
  officeCloses: TIME.nullish(),
  addClosureDays: z.array(z.object({ date: z.date(), description: z.string().trim().min(1, 'Say what the closure is for').max(200) })).max(100).nullish(),
});

builder.mutationField('partnershipCalendarUpdate', (t) =>
  t.field({
    type: CalendarType,
    errors: { types: [ValidationError, NotAuthorisedError], directResult: true, union: { name: 'PartnershipCalendarUpdateResult' } },
    args: { input: t.arg({ type: CalendarInput }) },
    resolve: async (_root, { input }, ctx) => {
      const viewer = ctx.viewer!;
      if (!abilityOf(ctx).can('update', 'PartnershipSettings')) throw new NotAuthorisedError('Only the partnership administrator changes the working calendar');
      const data = parseInput(Rules, input);
      const current = await ctx.db.partnership.findUniqueOrThrow({ where: { id: viewer.partnershipId } });
      const opens = data.officeOpens ? minuteOf(data.officeOpens) : current.officeOpensMinute;
      const closes = data.officeCloses ? minuteOf(data.officeCloses) : current.officeClosesMinute;
      if (opens >= closes) throw ValidationError.field(['input', 'officeCloses'], 'Offices must close after they open');
      await ctx.db.$transaction(async (tx) => {
        await tx.partnership.update({
          where: { id: viewer.partnershipId },
          data: {
            officeOpensMinute: opens, officeClosesMinute: closes,
            ...(input.holidayRegion ? { holidayRegion: input.holidayRegion === 'GB_WLS' ? 'GB-WLS' : 'GB-ENG' } : {}),
          },
        });
        if (input.removeClosureDays?.length) {
          await tx.closureDay.deleteMany({ where: { partnershipId: viewer.partnershipId, date: { in: input.removeClosureDays } } });
        }
        for (const day of data.addClosureDays ?? []) {
          await tx.closureDay.upsert({
            where: { partnershipId_date: { partnershipId: viewer.partnershipId, date: day.date } },
            create: { partnershipId: viewer.partnershipId, date: day.date, description: day.description },
            update: { description: day.description },
          });
        }
        await recordAudit(tx, ctx, { action: 'calendar.update', detail: { officeOpens: hhmm(opens), officeCloses: hhmm(closes) } });
      });
      return load(ctx.db, viewer.partnershipId);
    },
  }),
);
