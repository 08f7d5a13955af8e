// When someone's daily digest next goes: the next time their chosen local time comes round in the
// partnership's time zone (so 08:00 stays 08:00 across the clock changes).
import { localDateTime, localTime } from '../calendar/workingTime.ts';

export function nextDigestAt(timeZone: string, after: Date, digestMinute: number): Date {
  const { date } = localDateTime(timeZone, after);
  const today = localTime(timeZone, date, digestMinute);
  if (today > after) return today;
  const tomorrow = new Date(Date.parse(`${date}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  return localTime(timeZone, tomorrow, digestMinute);
}
