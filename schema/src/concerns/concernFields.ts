/** What a concern's revision keeps: its chronology entry's fields and the concern's own. */
export const CONCERN_FIELDS = [
  'categories', 'occurredAt', 'summary', 'narrative', 'childsWords', 'actionTaken', 'riskLevel', 'dslInformed',
] as const;
