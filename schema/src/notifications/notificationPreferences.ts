// How a person gets emails that are not urgent: as they happen, or in one daily digest at a local
// time they choose. Urgent notifications (immediate risk, Encompass, break-glass, overdue stages,
// a locked account) always go at once. Changing the preference moves what is already waiting.
import { z } from 'zod';
import { recordAudit } from '../audit/record.ts';
import { builder } from '../builder.ts';
import { ValidationError } from '../common/failures.ts';
import { parseInput } from '../common/validation.ts';
import { nextDigestAt } from './digestTime.ts';
import { NotificationDeliveryEnum } from './notification.type.ts';

interface Preferences {
  delivery: 'IMMEDIATE' | 'DAILY_DIGEST';
  digestMinute: number;
}

const hhmm = (minute: number) => `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;

const PreferencesType = builder.objectRef<Preferences>('NotificationPreferences').implement({
  fields: (t) => ({
    delivery: t.field({ type: NotificationDeliveryEnum, resolve: (p) => p.delivery }),
    digestTime: t.string({ description: 'HH:MM, local time: when the daily digest is sent.', resolve: (p) => hhmm(p.digestMinute) }),
  }),
});

builder.queryField('notificationPreferences', (t) =>
  t.field({
    type: PreferencesType,
    resolve: async (_root, _args, ctx) => {
      const user = await ctx.db.user.findUniqueOrThrow({ where: { id: ctx.viewer!.userId }, select: { notificationDelivery: true, digestMinute: true } });
      return { delivery: user.notificationDelivery, digestMinute: user.digestMinute };
    },
  }),
);

const Input = builder.inputType('NotificationPreferencesInput', {
  fields: (t) => ({
    delivery: t.field({ type: NotificationDeliveryEnum }),
    digestTime: t.string({ required: false, description: 'HH:MM, local time; needed for a daily digest unless one is set already.' }),
  }),
});

const Rules = z.object({
  delivery: z.enum(['IMMEDIATE', 'DAILY_DIGEST']),
  digestTime: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Write the time as HH:MM, e.g. 08:00')
    .nullish()
    .transform((v) => (v ? Number(v.slice(0, 2)) * 60 + Number(v.slice(3, 5)) : null)),
});

const Updated = builder.objectRef<Preferences>('NotificationPreferencesUpdateSuccess').implement({
  fields: (t) => ({ preferences: t.field({ type: PreferencesType, resolve: (p) => p }) }),
});

builder.mutationField('notificationPreferencesUpdate', (t) =>
  t.field({
    type: Updated,
    errors: { types: [ValidationError], directResult: true, union: { name: 'NotificationPreferencesUpdateResult' } },
    args: { input: t.arg({ type: Input }) },
    resolve: async (_root, { input }, ctx) => {
      const data = parseInput(Rules, input);
      const viewer = ctx.viewer!;
      const now = ctx.now();
      return ctx.db.$transaction(async (tx) => {
        const user = await tx.user.findUniqueOrThrow({ where: { id: viewer.userId }, select: { digestMinute: true, partnership: { select: { timeZone: true } } } });
        const digestMinute = data.digestTime ?? user.digestMinute;
        await tx.user.update({ where: { id: viewer.userId }, data: { notificationDelivery: data.delivery, digestMinute } });
        const held = { recipientUserId: viewer.userId, channel: 'EMAIL' as const, status: 'HELD_FOR_DIGEST' as const };
        if (data.delivery === 'IMMEDIATE') {
          // What was waiting for the digest goes now.
          await tx.notification.updateMany({ where: held, data: { status: 'PENDING', nextAttemptAt: now } });
        } else {
          await tx.notification.updateMany({ where: held, data: { nextAttemptAt: nextDigestAt(user.partnership.timeZone, now, digestMinute) } });
        }
        await recordAudit(tx, ctx, { action: 'notification.preferences', subjectType: 'User', subjectId: viewer.userId, detail: { delivery: data.delivery, digestTime: hhmm(digestMinute) } });
        return { delivery: data.delivery, digestMinute };
      });
    },
  }),
);
