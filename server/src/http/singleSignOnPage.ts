// The pages single sign-on shows when it cannot sign a person in: plain server-rendered HTML in
// the GOV.UK Design System's markup, styled by the web app's own stylesheet when it is built.
import { existsSync, readFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import path from 'node:path';
import { SECURITY_HEADERS } from './webApp.ts';

export interface ProblemPage {
  status: number;
  heading: string;
  paragraphs: string[];
}

/** The built web app's stylesheet links (hashed names), read from its index.html. */
function stylesheets(webDist: string): string {
  const index = path.join(webDist, 'index.html');
  if (!existsSync(index)) return '';
  return (readFileSync(index, 'utf8').match(/<link[^>]+rel="stylesheet"[^>]*>/g) ?? []).join('\n');
}

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export function sendProblemPage(res: ServerResponse, webDist: string, page: ProblemPage, headers: Record<string, string | string[]> = {}) {
  const body = `<!doctype html>
<html lang="en-GB" class="govuk-template">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">
  <title>${escape(page.heading)} – Wraparound</title>
  ${stylesheets(webDist)}
</head>
<body class="govuk-template__body">
  <a href="#main-content" class="govuk-skip-link">Skip to main content</a>
  <header class="govuk-service-navigation">
    <div class="govuk-width-container">
      <div class="govuk-service-navigation__container">
        <span class="govuk-service-navigation__service-name"><a href="/" class="govuk-service-navigation__link">Wraparound</a></span>
      </div>
    </div>
  </header>
  <div class="govuk-width-container">
    <main class="govuk-main-wrapper" id="main-content">
      <h1 class="govuk-heading-l">${escape(page.heading)}</h1>
      ${page.paragraphs.map((p) => `<p class="govuk-body">${escape(p)}</p>`).join('\n      ')}
      <p class="govuk-body"><a class="govuk-link" href="/">Go to the sign-in page</a></p>
    </main>
  </div>
</body>
</html>`;
  res.writeHead(page.status, { ...SECURITY_HEADERS, 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', ...headers }).end(body);
}
