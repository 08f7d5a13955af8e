// Who may read, share and refer chronology entries (a concern is read through its entry).
//
// An entry is readable by:
//   - its organisation's record readers (a school's DSLs, not its staff members; all of a police,
//     health or social care organisation's practitioners);
//   - its author;
//   - the person or organisation it is shared with, while the share is live (not revoked, not
//     expired) — at an organisation, its record readers;
//   - children's social care's front door, for concerns referred to it;
//   - a practitioner allocated to the child, for entries that are not sensitive;
// except that an entry or child under an active restriction is readable only by its named
// members — and by anyone holding a live break-glass grant on the child, which overrides both.
import type { RuleContext } from '../access/ability.ts';
import type { WhereInput } from '../access/casl.ts';
import { FRONT_DOOR_DECIDERS, RECORD_READERS, hasAny } from '../access/roleGroups.ts';

export function liveShareTo({ viewer, now }: Pick<RuleContext, 'viewer' | 'now'>): WhereInput<'Share'> {
  const readsForOrganisation = hasAny(viewer.roles, RECORD_READERS[viewer.agencyType]);
  return {
    decision: 'SHARE',
    revokedAt: null,
    OR: [{ expiresAt: null }, { expiresAt: { gt: now } }],
    AND: [
      {
        OR: readsForOrganisation
          ? [{ recipientUserId: viewer.userId }, { recipientOrganisationId: viewer.organisationId }]
          : [{ recipientUserId: viewer.userId }],
      },
    ],
  };
}

/** A restriction the viewer is not named on. */
export function restrictionExcluding(userId: string): WhereInput<'Restriction'> {
  return { liftedAt: null, members: { none: { userId } } };
}

export function defineChronologyRules(rules: RuleContext) {
  const { can, cannot, viewer, now } = rules;
  const partnershipId = viewer.partnershipId;
  const readsOwnOrganisation = hasAny(viewer.roles, RECORD_READERS[viewer.agencyType]);

  if (readsOwnOrganisation) {
    can('read', 'ChronologyEntry', { partnershipId, organisationId: viewer.organisationId });
    // Sharing and referring are decisions for the organisation that holds the record.
    can('share', 'ChronologyEntry', { partnershipId, organisationId: viewer.organisationId });
    can('refer', 'ChronologyEntry', { partnershipId, organisationId: viewer.organisationId, kind: 'CONCERN' });
  }
  can('read', 'ChronologyEntry', { partnershipId, authorId: viewer.userId });
  // Corrections (with the earlier version kept): the author, and the holding organisation's readers.
  can('update', 'ChronologyEntry', { partnershipId, authorId: viewer.userId });
  if (readsOwnOrganisation) can('update', 'ChronologyEntry', { partnershipId, organisationId: viewer.organisationId });
  can('read', 'ChronologyEntry', { partnershipId, shares: { some: liveShareTo(rules) } });
  can('read', 'ChronologyEntry', {
    partnershipId,
    sensitive: false,
    child: { is: { assignments: { some: { userId: viewer.userId, endedAt: null } } } },
  });

  if (viewer.agencyType === 'SOCIAL_CARE' && hasAny(viewer.roles, FRONT_DOOR_DECIDERS)) {
    can('read', 'ChronologyEntry', {
      partnershipId,
      concern: { is: { referrals: { some: { toOrganisationId: viewer.organisationId } } } },
    });
    can('decide', 'Referral', { partnershipId, toOrganisationId: viewer.organisationId });
    // Joining the dots: patterns of concerns about a child are the front door's to look at.
    can('read', 'ConcernPattern', { partnershipId });
    can('update', 'ConcernPattern', { partnershipId });
    can('read', 'Referral', { partnershipId, toOrganisationId: viewer.organisationId });
  }
  if (readsOwnOrganisation) can('read', 'Referral', { partnershipId, fromOrganisationId: viewer.organisationId });

  if (rules.ignoringRestrictions) return;
  const excluded = restrictionExcluding(viewer.userId);
  cannot('read', 'ChronologyEntry', { restrictions: { some: excluded } });
  cannot('read', 'ChronologyEntry', { child: { is: { restrictions: { some: excluded } } } });
  cannot('share', 'ChronologyEntry', { restrictions: { some: excluded } });
  cannot('share', 'ChronologyEntry', { child: { is: { restrictions: { some: excluded } } } });
  cannot('update', 'ChronologyEntry', { restrictions: { some: excluded } });
  cannot('update', 'ChronologyEntry', { child: { is: { restrictions: { some: excluded } } } });

  // Break-glass: defined last, so it takes precedence over the restrictions above.
  can('read', 'ChronologyEntry', {
    partnershipId,
    child: { is: { breakGlassGrants: { some: { userId: viewer.userId, expiresAt: { gt: now } } } } },
  });
}
