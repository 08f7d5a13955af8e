// The session cookie: HTTP-only so scripts cannot read it, SameSite=Lax so other sites cannot
// send it with their forms, Secure (and __Host-) when served over HTTPS.
export function sessionCookieName(secure: boolean) {
  return secure ? '__Host-wa_session' : 'wa_session';
}

export function serialiseSessionCookie(secure: boolean, token: string, expiresAt: Date | null): string {
  const parts = [`${sessionCookieName(secure)}=${token}`, 'Path=/', 'HttpOnly', 'SameSite=Lax'];
  if (secure) parts.push('Secure');
  parts.push(expiresAt ? `Expires=${expiresAt.toUTCString()}` : 'Max-Age=0');
  return parts.join('; ');
}

export function readCookie(header: string | null, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=') || null;
  }
  return null;
}
