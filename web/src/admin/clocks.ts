// How a time limit is counted, in words: the ladder's stages and the RAG deadlines share them.
import type { VariablesOf } from '../graphql.ts';
import type { LadderPreviewQuery } from './ladder.graphql.ts';

export type Clock = VariablesOf<typeof LadderPreviewQuery>['stageLimit']['clock'];

export const CLOCKS: ReadonlyArray<{ value: Clock; label: string }> = [
  { value: 'WORKING_DAYS', label: 'Working days' },
  { value: 'WORKING_HOURS', label: 'Working hours (office hours)' },
  { value: 'CALENDAR_HOURS', label: 'Hours (around the clock)' },
];
const CLOCK_WORDS: Record<Clock, [string, string]> = {
  WORKING_DAYS: ['working day', 'working days'], WORKING_HOURS: ['working hour', 'working hours'], CALENDAR_HOURS: ['hour', 'hours'],
};

/** "4 working hours", "1 working day". */
export const limitWords = (amount: number, clock: Clock) => `${amount} ${CLOCK_WORDS[clock][amount === 1 ? 0 : 1]}`;
/** A whole number as typed, or null. */
export const wholeNumber = (text: string) => (/^\d+$/.test(text.trim()) ? Number(text.trim()) : null);
