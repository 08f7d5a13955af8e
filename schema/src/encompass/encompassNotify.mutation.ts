// Operation Encompass (docs/domain.md): after attending a domestic-abuse incident where a child lives
// or was present, the police tell the child's school DSL before the start of the next school day.
// The notification is an entry in the child's chronology, owned by the police and sensitive, with
// a recorded share to the school; its content is what docs/domain.md lists and no more.
import { z } from 'zod';
import { abilityOf } from '../access/ability.ts';
import { recordAudit } from '../audit/record.ts';
import { builder } from '../builder.ts';
import { CHILD_NOT_VISIBLE, readableChild } from '../children/readableChild.ts';
import { calendarOf } from '../calendar/partnershipCalendar.ts';
import { nextSchoolDayStart } from '../calendar/workingTime.ts';
import { NotAuthorisedError, ValidationError } from '../common/failures.ts';
import type { FieldProblem } from '../common/failures.ts';
import { newReference } from '../common/references.ts';
import { successType } from '../common/results.ts';
import { problemsOf } from '../common/validation.ts';
import './notification.type.ts';
import { announce } from '../notifications/rules.ts';
import { scheduleDeadlineJobs } from '../deadlines/jobs.ts';

const EncompassNotifyInput = builder.inputType('EncompassNotifyInput', {
  fields: (t) => ({
    childId: t.globalID(),
    policeReference: t.string({ description: "The force's incident or occurrence number." }),
    incidentAt: t.field({ type: 'DateTime', description: 'When the incident happened: not in the future.' }),
    location: t.string(),
    childPresent: t.boolean(),
    childsVoice: t.string({ required: false, description: "What the child said, or how they seemed: the child's voice." }),
    circumstances: t.string({ description: 'Brief circumstances.' }),
  }),
});

function rules(now: Date) {
  const text = (what: string, max: number) =>
    z.string().trim().min(1, `Enter ${what}`).max(max, `${what[0]!.toUpperCase()}${what.slice(1)} must be ${max} characters or fewer`);
  return z.object({
    policeReference: text('the police reference', 100),
    // A few minutes' grace for clocks that disagree, as for concerns.
    incidentAt: z.date().max(new Date(now.getTime() + 5 * 60_000), 'When the incident happened must be now or in the past'),
    location: text('where the incident happened', 500),
    childPresent: z.boolean(),
    childsVoice: z.string().trim().max(5_000, "The child's voice must be 5,000 characters or fewer").nullish().transform((v) => v || null),
    circumstances: text('the circumstances', 5_000),
  });
}

const EncompassNotifySuccess = successType('EncompassNotifySuccess', 'notification', 'EncompassNotification');

builder.mutationField('encompassNotify', (t) =>
  t.field({
    type: EncompassNotifySuccess,
    errors: { types: [ValidationError, NotAuthorisedError], directResult: true, union: { name: 'EncompassNotifyResult' } },
    args: { input: t.arg({ type: EncompassNotifyInput }) },
    resolve: async (_root, { input }, ctx) => {
      const viewer = ctx.viewer!;
      const ability = abilityOf(ctx);
      if (!ability.can('create', 'EncompassNotification')) throw new NotAuthorisedError('Only the police send Operation Encompass notifications');

      const now = ctx.now();
      const parsed = rules(now).safeParse(input);
      const problems: FieldProblem[] = parsed.success ? [] : problemsOf(parsed.error, ['input']);

      const child = await readableChild(ctx, input.childId, {
        id: true, givenName: true, familyName: true, dateOfBirth: true, school: { select: { id: true, name: true, agencyType: true, active: true } },
      });
      if (!child) {
        problems.push(CHILD_NOT_VISIBLE);
      } else if (!child.school) {
        problems.push({
          path: ['input', 'childId'],
          message: `No school is recorded for this child: find out which school ${child.givenName} ${child.familyName} attends and have it added to their record, then send the notification`,
        });
      } else if (!child.school.active || child.school.agencyType !== 'SCHOOL') {
        problems.push({ path: ['input', 'childId'], message: `The school recorded for this child, ${child.school.name}, is no longer active in your partnership: contact the school directly` });
      }
      if (child && parsed.success && parsed.data.incidentAt < child.dateOfBirth) {
        problems.push({ path: ['input', 'incidentAt'], message: "When the incident happened cannot be before the child's date of birth" });
      }
      if (!parsed.success || !child?.school || problems.length > 0) throw new ValidationError(problems);

      const data = parsed.data;
      const school = child.school;
      const dueBy = nextSchoolDayStart(await calendarOf(ctx.db, viewer.partnershipId), data.incidentAt);
      const notification = await ctx.db.$transaction(async (tx) => {
        const entry = await tx.chronologyEntry.create({
          data: {
            partnershipId: viewer.partnershipId,
            childId: child.id,
            organisationId: viewer.organisationId,
            authorId: viewer.userId,
            kind: 'ENCOMPASS_NOTIFICATION',
            categories: ['DOMESTIC_ABUSE'],
            occurredAt: data.incidentAt,
            recordedAt: now,
            summary: `Operation Encompass: domestic abuse incident, police reference ${data.policeReference}`,
            detail: [
              `Location: ${data.location}`,
              `Child present: ${data.childPresent ? 'yes' : 'no'}`,
              ...(data.childsVoice ? [`Child's voice: ${data.childsVoice}`] : []),
              `Circumstances: ${data.circumstances}`,
            ].join('\n'),
            sensitive: true,
          },
        });
        const created = await tx.encompassNotification.create({
          data: {
            partnershipId: viewer.partnershipId,
            reference: newReference('ENC'),
            childId: child.id,
            entryId: entry.id,
            policeOrganisationId: viewer.organisationId,
            schoolId: school.id,
            createdById: viewer.userId,
            policeReference: data.policeReference,
            incidentAt: data.incidentAt,
            location: data.location,
            childPresent: data.childPresent,
            childsVoice: data.childsVoice,
            circumstances: data.circumstances,
            dueBy,
            // Delivered as it is written: the school's DSLs see it at once.
            deliveredAt: now,
          },
        });
        const share = await tx.share.create({
          data: {
            partnershipId: viewer.partnershipId,
            entryId: entry.id,
            childId: child.id,
            sharingOrganisationId: viewer.organisationId,
            decision: 'SHARE',
            recipientOrganisationId: school.id,
            whatShared: "Operation Encompass notification: police reference, when and where, whether the child was present, the child's voice and brief circumstances",
            purpose: 'Operation Encompass',
            lawfulBasis: 'PUBLIC_TASK',
            specialCategoryCondition: 'DPA_SCH8_PARA4_SAFEGUARDING',
            decidedById: viewer.userId,
            decidedAt: now,
          },
        });
        // Pending until the school acknowledges it: at the start of the school day a notification
        // nobody at the school has read yet alerts its leads, then the police (missedClocks.ts).
        const deadlines = await tx.deadline.createManyAndReturn({
          data: [{ partnershipId: viewer.partnershipId, kind: 'ENCOMPASS_DUE', subjectId: created.id, dueAt: dueBy }],
          select: { id: true, dueAt: true },
        });
        await scheduleDeadlineJobs(tx, deadlines);
        // The school's key adults are told at once, whatever their digest preference.
        await announce(tx, 'ENCOMPASS_RECEIVED', { schoolId: school.id }, {
          partnershipId: viewer.partnershipId, subjectType: 'EncompassNotification', subjectId: created.id,
          reference: created.reference, actorUserId: viewer.userId, at: now,
        });
        await recordAudit(tx, ctx, {
          action: 'encompass.notify',
          subjectType: 'EncompassNotification',
          subjectId: created.id,
          childId: child.id,
          purpose: 'Operation Encompass',
          detail: { entryId: entry.id, shareId: share.id, schoolId: school.id, deliveredBeforeNextSchoolDay: now <= dueBy },
        });
        return created;
      });
      return { id: notification.id };
    },
  }),
);
