// A partnership's working calendar as configured: region for bank holidays, time zone, office
// hours and closure days.
import type { DatabaseTx } from '@wraparound/prisma';
import type { PartnershipCalendar } from './workingTime.ts';

export async function calendarOf(db: DatabaseTx, partnershipId: string): Promise<PartnershipCalendar> {
  const partnership = await db.partnership.findUniqueOrThrow({
    where: { id: partnershipId },
    include: { closureDays: { select: { date: true } } },
  });
  return {
    region: partnership.holidayRegion === 'GB-WLS' ? 'GB-WLS' : 'GB-ENG',
    timeZone: partnership.timeZone,
    officeOpensMinute: partnership.officeOpensMinute,
    officeClosesMinute: partnership.officeClosesMinute,
    closureDays: partnership.closureDays.map((d) => d.date.toISOString().slice(0, 10)),
  };
}
