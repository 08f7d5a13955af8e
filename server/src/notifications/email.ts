// What an email says. Only what DOMAIN.md ("Notifications") allows: the kind of event in words,
// who acted (their name and organisation), the reference, and a link to sign in. The event row
// holds ids and a reference only, never a child's name, date of birth, NHS number, UPN or address,
// and nothing here reads anything else: the person signs in to see the rest.
import type { OutgoingEmail } from './mailer.ts';

interface KindWords {
  /** Short, for the subject line. */
  title: string;
  /** One sentence for the body. */
  sentence: string;
}

const KINDS: Record<string, KindWords> = {
  BREAK_GLASS: { title: 'Emergency access used', sentence: 'Someone used emergency access to a child’s record.' },
  DISAGREEMENT_DEADLINE_APPROACHING: {
    title: 'Disagreement deadline approaching',
    sentence: 'A professional disagreement you are involved in is approaching its deadline at its current stage.',
  },
  DISAGREEMENT_OVERDUE: {
    title: 'Disagreement overdue',
    sentence: 'A professional disagreement you are involved in has passed its deadline at its current stage.',
  },
  DISAGREEMENT_ESCALATED: {
    title: 'Disagreement escalated',
    sentence: 'A professional disagreement has moved up to the next stage of the escalation ladder.',
  },
  DISAGREEMENT_FINAL_STAGE_EXPIRED: {
    title: 'Disagreement unresolved at the final stage',
    sentence: 'A professional disagreement has passed the deadline of the final stage of the escalation ladder without being resolved.',
  },
};

const GENERIC: KindWords = { title: 'New notification', sentence: 'Something has happened in Wraparound that needs your attention.' };

export interface EmailNotification {
  /** The notification row's id: the Message-ID is made from it. */
  id: string;
  kind: string;
  urgent: boolean;
  reference: string;
  actor: { displayName: string; organisationName: string | null } | null;
  recipient: { email: string; displayName: string };
}

export interface RenderSettings {
  publicUrl: string;
  from: string;
}

export const messageIdOf = (notificationId: string) => `<${notificationId}@wraparound>`;

export function wordsFor(kind: string): KindWords {
  return KINDS[kind] ?? GENERIC;
}

const escapeHtml = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');


export function renderEmail(notification: EmailNotification, { publicUrl, from }: RenderSettings): OutgoingEmail {
  const words = wordsFor(notification.kind);
  const signIn = `${publicUrl.replace(/\/+$/, '')}/`;
  const actor = notification.actor
    ? notification.actor.organisationName
      ? `${notification.actor.displayName} (${notification.actor.organisationName})`
      : notification.actor.displayName
    : null;
  const subject = `${notification.urgent ? 'Urgent: ' : ''}${words.title} – ${notification.reference}`;

  const text = [
    words.sentence,
    '',
    ...(actor ? [`By: ${actor}`] : []),
    `Reference: ${notification.reference}`,
    '',
    `Sign in to Wraparound to see the details: ${signIn}`,
    '',
    'This email does not contain details about any child. Do not reply to it.',
    '',
  ].join('\n');

  const p = 'margin:0 0 20px 0;font-size:19px;line-height:1.32;';
  const html = `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>
<body style="margin:0;padding:0;background:#ffffff;font-family:Arial,Helvetica,sans-serif;color:#0b0c0c;">
<div style="background:#0b0c0c;padding:10px 15px;border-bottom:10px solid #1d70b8;">
<span style="color:#ffffff;font-size:24px;font-weight:700;">Wraparound</span>
</div>
<div style="max-width:580px;padding:30px 15px;">
${notification.urgent ? `<p style="${p}font-weight:700;">Urgent</p>\n` : ''}<h1 style="margin:0 0 30px 0;font-size:32px;line-height:1.1;font-weight:700;">${escapeHtml(words.title)}</h1>
<p style="${p}">${escapeHtml(words.sentence)}</p>
${actor ? `<p style="${p}">By: ${escapeHtml(actor)}</p>\n` : ''}<div style="margin:0 0 20px 0;padding:15px;border-left:10px solid #b1b4b6;font-size:19px;">Reference: <strong>${escapeHtml(notification.reference)}</strong></div>
<p style="${p}"><a href="${escapeHtml(signIn)}" style="color:#1d70b8;">Sign in to Wraparound</a> to see the details.</p>
<p style="margin:0;font-size:16px;color:#505a5f;">This email does not contain details about any child. Do not reply to it.</p>
</div>
</body>
</html>
`;

  return {
    from,
    to: { name: notification.recipient.displayName.replace(/[\r\n]+/g, ' '), address: notification.recipient.email },
    subject,
    text,
    html,
    messageId: messageIdOf(notification.id),
  };
}
