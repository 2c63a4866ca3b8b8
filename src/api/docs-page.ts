/**
 * `/docs`: a self-contained reference page (no CDN, no script) listing every route with its
 * roles, parameters and schemas, generated from the same table as the OpenAPI document.
 */
import { createHash } from 'node:crypto';
import type { z } from 'zod';
import { accessText, schemaOf } from './openapi.js';
import type { AnyRoute } from './route-types.js';

const STYLE = `body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1d2733}
h1{font-size:1.6rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #d5dbe2}
.route{margin:1rem 0;padding:.5rem .75rem;border:1px solid #d5dbe2;border-radius:6px}
.m{display:inline-block;min-width:4.5rem;font-weight:700}.p{font-family:ui-monospace,monospace}
.roles{color:#55606d;font-size:.9rem}pre{background:#f4f6f8;padding:.5rem;overflow:auto;font-size:.8rem}`;

const escape = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const schemaText = (schema: z.ZodType): string => JSON.stringify(schemaOf(schema), null, 2);

function section(r: AnyRoute): string {
  const parts = [
    `<div class="route" id="${escape(`${r.method}-${r.path}`)}">`,
    `<div><span class="m">${r.method}</span> <span class="p">${escape(r.path)}</span></div>`,
    `<div>${escape(r.summary)}</div>`,
    `<div class="roles">Roles: ${escape(accessText(r))}</div>`,
  ];
  if (r.query)
    parts.push(
      `<details><summary>Query</summary><pre>${escape(schemaText(r.query))}</pre></details>`,
    );
  if (r.body)
    parts.push(
      `<details><summary>Body</summary><pre>${escape(schemaText(r.body))}</pre></details>`,
    );
  for (const [status, doc] of Object.entries(r.responses))
    parts.push(
      doc.schema
        ? `<details><summary>${status}: ${escape(doc.description)}</summary><pre>${escape(schemaText(doc.schema))}</pre></details>`
        : `<div>${status}: ${escape(doc.description)}</div>`,
    );
  return `${parts.join('\n')}\n</div>`;
}

/** The page, and the CSP hash of its inline stylesheet. */
export function docsPage(
  routes: readonly AnyRoute[],
  version: string,
): { html: string; styleHash: string } {
  const tags = [...new Set(routes.map((r) => r.tag))];
  const body = tags
    .map(
      (t) =>
        `<h2>${escape(t)}</h2>\n${routes
          .filter((r) => r.tag === t)
          .map(section)
          .join('\n')}`,
    )
    .join('\n');
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Tailor API ${escape(version)}</title><style>${STYLE}</style></head>
<body><h1>Tailor API ${escape(version)}</h1>
<p>JSON in and out; errors are <code>{"error":{"status","code","message","problems"}}</code>. Log in with
<code>POST /v1/session</code> (send the answer's <code>csrfToken</code> as <code>X-CSRF-Token</code> on changes) or send
<code>Authorization: Bearer &lt;token&gt;</code>. The machine-readable description is <a href="/openapi.json">/openapi.json</a>.</p>
${body}
</body></html>`;
  return { html, styleHash: `sha256-${createHash('sha256').update(STYLE).digest('base64')}` };
}
