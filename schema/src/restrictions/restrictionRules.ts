// What restricting and lifting must record: a reason, always.
import { z } from 'zod';

const text = (missing: string, max: number) =>
  z.string({ error: missing }).trim().min(1, missing).max(max, `The reason must be ${max.toLocaleString('en-GB')} characters or fewer`);

export const createRules = z.object({ reason: text('Give the reason for the restriction', 2_000) });
export const liftRules = z.object({ reason: text('Give the reason for lifting the restriction', 2_000) });
