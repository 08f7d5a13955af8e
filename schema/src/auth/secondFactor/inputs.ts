// What the second-factor steps accept, with the words a person sees when it is wrong.
import { z } from 'zod';

export const ChallengeRule = z
  .string()
  .min(1, 'Your sign-in has timed out or has already been used. Sign in again.')
  .max(200, 'Your sign-in has timed out or has already been used. Sign in again.');

/** Six digits; spaces (as some apps show the code) are ignored. */
export const CodeRule = z
  .string()
  .max(20, 'Enter the 6-digit code from your authenticator app')
  .transform((typed) => typed.replace(/\s/g, ''))
  .pipe(z.string().regex(/^\d{6}$/, 'Enter the 6-digit code from your authenticator app'));

export const WRONG_CODE = 'The code is not right. Check your authenticator app and enter the code it shows now.';
export const USED_CODE = 'This code has already been used. Wait for your authenticator app to show a new code.';
