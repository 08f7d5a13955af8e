// A browser without JavaScript, over real HTTP: it keeps cookies (tough-cookie) for every site,
// follows redirects from one site to another, and submits a page's form, as a person would on
// an identity provider's sign-in pages.
import { CookieJar } from 'tough-cookie';

export interface Page {
  url: URL;
  status: number;
  html: string;
}

export class FormBrowser {
  readonly jar = new CookieJar();

  /** Each redirect passes through this before it is followed (a test may tamper with one). */
  constructor(private readonly onRedirect: (to: URL) => URL = (to) => to) {}

  async cookie(url: string | URL, name: string): Promise<string | null> {
    const cookies = await this.jar.getCookies(String(url));
    return cookies.find((c) => c.key === name)?.value ?? null;
  }

  get(url: string | URL): Promise<Page> {
    return this.request(new URL(url), { method: 'GET' });
  }

  /** Submits the page's first form with its hidden fields and these values. */
  submit(page: Page, values: Record<string, string>): Promise<Page> {
    const form = /<form[^>]*action="([^"]*)"[^>]*method="post"[^>]*>([\s\S]*?)<\/form>/i.exec(page.html);
    if (!form) throw new Error(`no form on ${page.url.href}: ${page.html.slice(0, 300)}`);
    const fields = new URLSearchParams();
    for (const input of form[2]!.matchAll(/<input[^>]*type="hidden"[^>]*>/gi)) {
      const name = /name="([^"]*)"/.exec(input[0])?.[1];
      const value = /value="([^"]*)"/.exec(input[0])?.[1] ?? '';
      if (name) fields.set(name, value);
    }
    for (const [name, value] of Object.entries(values)) fields.set(name, value);
    const action = new URL(form[1]!.replace(/&amp;/g, '&'), page.url);
    return this.request(action, { method: 'POST', body: fields.toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  }

  private async request(url: URL, init: { method: string; body?: string; headers?: Record<string, string> }): Promise<Page> {
    let current = url;
    let next: typeof init = init;
    for (let hops = 0; hops < 20; hops++) {
      const cookie = await this.jar.getCookieString(current.href);
      const response = await fetch(current, { ...next, redirect: 'manual', headers: { ...next.headers, ...(cookie ? { cookie } : {}) } });
      for (const set of response.headers.getSetCookie()) await this.jar.setCookie(set, current.href);
      const location = response.headers.get('location');
      if (response.status >= 300 && response.status < 400 && location) {
        await response.arrayBuffer();
        current = this.onRedirect(new URL(location, current));
        next = { method: 'GET' };
        continue;
      }
      return { url: current, status: response.status, html: await response.text() };
    }
    throw new Error(`too many redirects from ${url.href}`);
  }
}
