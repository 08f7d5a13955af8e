// What an email says. Only what docs/domain.md ("Notifications") allows: the kind of event in words,
// who acted (their name and organisation), the reference, and a link to sign in. The words for
// each kind of event live with the notification rules (schema/src/notifications/rules.ts). The event row
// holds ids and a reference only, never a child's name, date of birth, NHS number, UPN or address,
// and nothing here reads anything else: the person signs in to see the rest.
import { wordsFor } from '@wraparound/schema';
import type { OutgoingEmail } from './mailer.ts';

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

const escapeHtml = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');


interface Page {
  subject: string;
  urgent: boolean;
  heading: string;
  /** Plain-text lines of the body, before the sign-in link. */
  lines: string[];
  /** The same, as HTML blocks (already escaped). */
  blocks: string[];
}

const P = 'margin:0 0 20px 0;font-size:19px;line-height:1.32;';
const paragraph = (html: string) => `<p style="${P}">${html}</p>`;
const referenceBlock = (reference: string) =>
  `<div style="margin:0 0 20px 0;padding:15px;border-left:10px solid #b1b4b6;font-size:19px;">Reference: <strong>${escapeHtml(reference)}</strong></div>`;

/** Plain text and HTML in the GOV.UK style, both ending with the sign-in link and the no-child-details line. */
function page({ subject, urgent, heading, lines, blocks }: Page, { publicUrl, from }: RenderSettings, to: EmailNotification['recipient'], messageId: string): OutgoingEmail {
  const signIn = `${publicUrl.replace(/\/+$/, '')}/`;
  const text = [
    ...lines,
    '',
    `Sign in to Wraparound to see the details: ${signIn}`,
    '',
    'This email does not contain details about any child. Do not reply to it.',
    '',
  ].join('\n');
  const html = `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>
<body style="margin:0;padding:0;background:#ffffff;font-family:Arial,Helvetica,sans-serif;color:#0b0c0c;">
<div style="background:#0b0c0c;padding:10px 15px;border-bottom:10px solid #1d70b8;">
<span style="color:#ffffff;font-size:24px;font-weight:700;">Wraparound</span>
</div>
<div style="max-width:580px;padding:30px 15px;">
${urgent ? `<p style="${P}font-weight:700;">Urgent</p>\n` : ''}<h1 style="margin:0 0 30px 0;font-size:32px;line-height:1.1;font-weight:700;">${escapeHtml(heading)}</h1>
${blocks.join('\n')}
${paragraph(`<a href="${escapeHtml(signIn)}" style="color:#1d70b8;">Sign in to Wraparound</a> to see the details.`)}
<p style="margin:0;font-size:16px;color:#505a5f;">This email does not contain details about any child. Do not reply to it.</p>
</div>
</body>
</html>
`;
  return { from, to: { name: to.displayName.replace(/[\r\n]+/g, ' '), address: to.email }, subject, text, html, messageId };
}

const actorOf = (actor: EmailNotification['actor']) =>
  actor ? (actor.organisationName ? `${actor.displayName} (${actor.organisationName})` : actor.displayName) : null;

export function renderEmail(notification: EmailNotification, settings: RenderSettings): OutgoingEmail {
  const words = wordsFor(notification.kind);
  const actor = actorOf(notification.actor);
  return page(
    {
      subject: `${notification.urgent ? 'Urgent: ' : ''}${words.title} – ${notification.reference}`,
      urgent: notification.urgent,
      heading: words.title,
      lines: [words.sentence, '', ...(actor ? [`By: ${actor}`] : []), `Reference: ${notification.reference}`],
      blocks: [paragraph(escapeHtml(words.sentence)), ...(actor ? [paragraph(`By: ${escapeHtml(actor)}`)] : []), referenceBlock(notification.reference)],
    },
    settings,
    notification.recipient,
    messageIdOf(notification.id),
  );
}

export type DigestItem = Omit<EmailNotification, 'recipient' | 'urgent'>;

/** One email for a day's notifications that were not urgent: a line each, oldest first. */
export function renderDigest(recipient: EmailNotification['recipient'], items: readonly DigestItem[], settings: RenderSettings): OutgoingEmail {
  const count = `${items.length} notification${items.length === 1 ? '' : 's'}`;
  const described = items.map((item) => {
    const actor = actorOf(item.actor);
    return { title: wordsFor(item.kind).title, reference: item.reference, by: actor ? ` – by ${actor}` : '' };
  });
  return page(
    {
      subject: `Your Wraparound digest – ${count}`,
      urgent: false,
      heading: 'Your daily digest',
      lines: [`Since your last digest: ${count}.`, '', ...described.map((d) => `- ${d.title}: ${d.reference}${d.by}`)],
      blocks: [
        paragraph(`Since your last digest: ${count}.`),
        `<ul style="${P}padding-left:20px;">${described.map((d) => `<li>${escapeHtml(d.title)}: <strong>${escapeHtml(d.reference)}</strong>${escapeHtml(d.by)}</li>`).join('')}</ul>`,
      ],
    },
    settings,
    recipient,
    // The digest is named after its first notification, so a retried digest keeps its Message-ID.
    `<digest-${items[0]!.id}@wraparound>`,
  );
}
