// The event part of a disagreement notification: its reference, never anything about the child.
export const eventOf = (d: { partnershipId: string; id: string; reference: string }, at: Date, actorUserId: string | null = null) => ({
  partnershipId: d.partnershipId, subjectType: 'Disagreement', subjectId: d.id, reference: d.reference, actorUserId, at,
});
