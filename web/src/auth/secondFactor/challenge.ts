// The challenge from a right password travels to the next screen in the history entry's state:
// in memory for this tab, never in the address or in storage another tab can read.
import { useLocation } from 'react-router';

export function useChallenge(): string | null {
  const state = useLocation().state as { challenge?: unknown } | null;
  return typeof state?.challenge === 'string' ? state.challenge : null;
}

/** A field error about the challenge itself (timed out, used) is nothing the person can type. */
export function withoutChallenge(errors: Record<string, string>, field: string): Record<string, string> {
  const { challenge, ...rest } = errors;
  return challenge ? { ...rest, [field]: challenge } : rest;
}
