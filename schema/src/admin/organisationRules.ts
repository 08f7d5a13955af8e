// What makes an organisation's details valid. Its external code is the identifier its own sector
// gives it, checked for the shape that sector uses:
//   - a school, college or early-years setting: its URN (Unique Reference Number), 6 digits;
//   - health: its NHS ODS code, 3 to 6 letters and digits (a trust RZ8, a GP practice B99123);
//   - police: the Home Office police force code, 2 digits;
//   - social care and early help: the local authority's DfE code, 3 digits (the same as in a UPN);
//   - the partnership's own team and other agencies: any short reference (a charity number).
// A URN names one establishment, so two schools of a partnership cannot share one; a force, council
// or trust has several teams, so those codes may repeat.
import type { AgencyType, DatabaseTx } from '@wraparound/prisma';
import { z } from 'zod';
import type { FieldProblem } from '../common/failures.ts';

interface CodeRule {
  /** What the code is called, for messages ("URN"). */
  label: string;
  pattern: RegExp;
  /** The message when the code does not have the right shape. */
  shape: string;
  /** The message when it is missing, for kinds of organisation that always have one. */
  missing?: string;
  /** Whether no two organisations of this kind in a partnership may share one. */
  unique: boolean;
}

const LOCAL_AUTHORITY: CodeRule = {
  label: 'local authority code', pattern: /^\d{3}$/, unique: false,
  shape: 'A local authority code is 3 digits, like 936',
};

export const EXTERNAL_CODES: Readonly<Record<AgencyType, CodeRule>> = {
  SCHOOL: { label: 'URN', pattern: /^\d{6}$/, missing: 'Enter the school’s URN, 6 digits like 117342', unique: true, shape: 'A URN is 6 digits, like 117342' },
  HEALTH: { label: 'NHS ODS code', pattern: /^[A-Z0-9]{3,6}$/, unique: false, shape: 'An NHS ODS code is 3 to 6 letters and digits, like RZ8 or B99123' },
  POLICE: { label: 'police force code', pattern: /^\d{2}$/, unique: false, shape: 'A police force code is 2 digits, like 13' },
  SOCIAL_CARE: LOCAL_AUTHORITY,
  EARLY_HELP: LOCAL_AUTHORITY,
  PARTNERSHIP: { label: 'reference', pattern: /^[A-Z0-9][A-Z0-9 -]{0,19}$/, unique: false, shape: 'A reference is up to 20 letters, digits, spaces and hyphens' },
  OTHER: { label: 'reference', pattern: /^[A-Z0-9][A-Z0-9 -]{0,19}$/, unique: false, shape: 'A reference is up to 20 letters, digits, spaces and hyphens, like a charity number' },
};

/** The three statutory safeguarding partners: the local authority, the police and the NHS ICB. */
export const LEAD_PARTNER_TYPES: ReadonlySet<AgencyType> = new Set(['SOCIAL_CARE', 'POLICE', 'HEALTH']);

/** An external code as stored: trimmed, capitals, single spaces; empty is none. */
export const normaliseCode = (code: string | null | undefined): string | null => code?.trim().replace(/\s+/g, ' ').toUpperCase() || null;

/** The problem with an organisation's external code, if any. */
export function codeProblem(agencyType: AgencyType, code: string | null): string | null {
  const rule = EXTERNAL_CODES[agencyType];
  if (!code) return rule.missing ?? null;
  return rule.pattern.test(code) ? null : rule.shape;
}

/** A name as stored: trimmed, single spaces. */
export const organisationName = z
  .string({ error: 'Enter the organisation’s name' })
  .transform((name) => name.trim().replace(/\s+/g, ' '))
  .pipe(z.string().min(1, 'Enter the organisation’s name').max(200, 'The name must be 200 characters or fewer'));

/**
 * Inside the writing transaction: one organisation change at a time per partnership (so two
 * administrators cannot both add the same school), then the names and URNs already taken. A name
 * differing only in capitals is the same organisation.
 */
export async function takenProblems(
  tx: DatabaseTx,
  partnershipId: string,
  change: { id?: string; agencyType: AgencyType; name?: string | undefined; externalCode?: string | null | undefined },
): Promise<FieldProblem[]> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`wraparound.organisation:${partnershipId}`}))`;
  const others = { partnershipId, ...(change.id ? { id: { not: change.id } } : {}) };
  const problems: FieldProblem[] = [];
  if (change.name) {
    const same = await tx.organisation.findFirst({ where: { ...others, name: { equals: change.name, mode: 'insensitive' } }, select: { name: true, active: true } });
    if (same) {
      const what = same.active ? 'an organisation' : 'a deactivated organisation';
      problems.push({ path: ['input', 'name'], message: `${same.name} is already ${what} of your partnership` });
    }
  }
  const rule = EXTERNAL_CODES[change.agencyType];
  if (change.externalCode && rule.unique) {
    const same = await tx.organisation.findFirst({ where: { ...others, agencyType: change.agencyType, externalCode: change.externalCode }, select: { name: true } });
    if (same) problems.push({ path: ['input', 'externalCode'], message: `${same.name} already has the ${rule.label} ${change.externalCode}` });
  }
  return problems;
}
