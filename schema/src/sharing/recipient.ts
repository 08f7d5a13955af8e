// The recipient of a sharing decision: exactly one organisation or one person, active, in the
// viewer's partnership, and not the organisation that already holds the record.
import type { DatabaseTx } from '@wraparound/prisma';
import type { FieldProblem } from '../common/failures.ts';
import { idOf } from '../common/ids.ts';

type GlobalId = { typename: string; id: string } | null | undefined;

export async function resolveRecipient(
  db: DatabaseTx,
  partnershipId: string,
  holderOrganisationId: string,
  input: { recipientOrganisationId?: GlobalId; recipientUserId?: GlobalId },
  problems: FieldProblem[],
): Promise<{ recipientOrganisationId: string | null; recipientUserId: string | null } | null> {
  const given = [input.recipientOrganisationId, input.recipientUserId].filter(Boolean).length;
  if (given !== 1) {
    problems.push({ path: ['input', 'recipientOrganisationId'], message: 'Choose one organisation or one person to share with' });
    return null;
  }
  if (input.recipientOrganisationId) {
    const id = idOf(input.recipientOrganisationId, 'Organisation');
    const organisation = id ? await db.organisation.findFirst({ where: { id, partnershipId, active: true } }) : null;
    if (!organisation) {
      problems.push({ path: ['input', 'recipientOrganisationId'], message: 'Choose an organisation in your partnership' });
      return null;
    }
    if (organisation.id === holderOrganisationId) {
      problems.push({ path: ['input', 'recipientOrganisationId'], message: 'Your organisation holds this record already' });
      return null;
    }
    return { recipientOrganisationId: organisation.id, recipientUserId: null };
  }
  const id = idOf(input.recipientUserId, 'User');
  const user = id ? await db.user.findFirst({ where: { id, partnershipId, active: true } }) : null;
  if (!user) {
    problems.push({ path: ['input', 'recipientUserId'], message: 'Choose a person in your partnership' });
    return null;
  }
  return { recipientOrganisationId: null, recipientUserId: user.id };
}
