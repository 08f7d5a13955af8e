// A notification as people see it: what kind of thing happened (in words), who did it, the
// reference, and which record to open. Never anything about the child: the record it points to is
// read through its own rules when the person opens it.
import { NotificationChannel, NotificationDelivery, NotificationStatus } from '@wraparound/prisma';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { builder } from '../builder.ts';
import { UserType } from '../admin/user.type.ts';
import { NOTIFICATION_KINDS, wordsFor } from './rules.ts';

export const NotificationKindEnum = builder.enumType('NotificationKind', { values: NOTIFICATION_KINDS });
export const NotificationStatusEnum = builder.enumType(NotificationStatus, { name: 'NotificationStatus' });
export const NotificationChannelEnum = builder.enumType(NotificationChannel, { name: 'NotificationChannel' });
export const NotificationDeliveryEnum = builder.enumType(NotificationDelivery, {
  name: 'NotificationDelivery',
  description: 'How someone gets emails that are not urgent: as they happen, or once a day. Urgent ones always go at once.',
});

const withEvent = { event: { select: { kind: true, urgent: true, reference: true, subjectType: true, subjectId: true, actorUserId: true } } } as const;

export const NotificationType = builder.prismaNode('Notification', {
  id: { field: 'id' },
  description: 'Something that happened which this person was told of, in the app or by email.',
  fields: (t) => ({
    kind: t.field({ type: NotificationKindEnum, select: withEvent, resolve: (n) => n.event.kind as (typeof NOTIFICATION_KINDS)[number] }),
    title: t.string({ select: withEvent, resolve: (n) => wordsFor(n.event.kind).title }),
    sentence: t.string({ select: withEvent, resolve: (n) => wordsFor(n.event.kind).sentence }),
    urgent: t.boolean({ select: withEvent, resolve: (n) => n.event.urgent }),
    reference: t.string({ select: withEvent, resolve: (n) => n.event.reference }),
    subjectType: t.string({ select: withEvent, description: 'The type of record to open: ChronologyEntry (a referred concern), Disagreement, InformationRequest, …', resolve: (n) => n.event.subjectType }),
    subjectId: t.id({ select: withEvent, description: 'The global id of the record to open (read through its own access rules).', resolve: (n) => encodeGlobalID(n.event.subjectType, n.event.subjectId) }),
    actor: t.string({
      nullable: true,
      select: withEvent,
      description: 'Who acted, with their organisation; null when the clock did it.',
      resolve: async (n, _args, ctx) => {
        if (!n.event.actorUserId) return null;
        const actor = await ctx.db.user.findUnique({ where: { id: n.event.actorUserId }, select: { displayName: true, organisation: { select: { name: true } } } });
        return actor ? `${actor.displayName} (${actor.organisation.name})` : null;
      },
    }),
    channel: t.expose('channel', { type: NotificationChannelEnum }),
    status: t.expose('status', { type: NotificationStatusEnum }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    readAt: t.expose('readAt', { type: 'DateTime', nullable: true }),
    sentAt: t.expose('sentAt', { type: 'DateTime', nullable: true }),
    attempts: t.exposeInt('attempts', { description: 'Email: attempts at delivery so far.' }),
    lastError: t.exposeString('lastError', { nullable: true, description: 'Email: why the last attempt failed (an error code, never an address).' }),
    recipient: t.field({
      type: UserType,
      select: { recipientUserId: true },
      resolve: (n, _args, ctx) => ctx.db.user.findUniqueOrThrow({ where: { id: n.recipientUserId } }),
    }),
  }),
});
