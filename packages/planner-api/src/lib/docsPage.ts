/**
 * A browsable page for the OpenAPI document, rendered on the server as plain HTML: no scripts, no CDN
 * assets, so it works offline and under the API's strict Content-Security-Policy.
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
interface OpenApiDocument {
  info?: { title?: string; version?: string; description?: string };
  paths?: Record<string, Record<string, Json>>;
  components?: { schemas?: Record<string, Json> };
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);

const pretty = (value: unknown) => `<pre>${escapeHtml(JSON.stringify(value, null, 2))}</pre>`;

function asObject(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function anchor(method: string, path: string): string {
  return `${method}-${path}`.replace(/[^A-Za-z0-9]+/g, '-');
}

function renderOperation(path: string, method: string, operation: Record<string, unknown>): string {
  const params = Array.isArray(operation.parameters) ? (operation.parameters as Record<string, unknown>[]) : [];
  const body = asObject(asObject(operation.requestBody).content);
  const responses = asObject(operation.responses);
  const paramRows = params
    .map((p) => {
      const schema = asObject(p.schema);
      return `<tr><td><code>${escapeHtml(String(p.name))}</code></td><td>${escapeHtml(String(p.in))}</td><td>${
        p.required ? 'yes' : 'no'
      }</td><td>${escapeHtml(String(schema.type ?? ''))}${schema.pattern ? ` <code>${escapeHtml(String(schema.pattern))}</code>` : ''}${
        schema.enum ? ` ${escapeHtml((schema.enum as unknown[]).join(' | '))}` : ''
      }</td></tr>`;
    })
    .join('');
  const bodies = Object.entries(body)
    .map(([type, media]) => `<h4>Request body <code>${escapeHtml(type)}</code></h4>${pretty(asObject(media).schema)}`)
    .join('');
  const responseItems = Object.entries(responses)
    .map(([status, response]) => {
      const r = asObject(response);
      const content = Object.entries(asObject(r.content))
        .map(([type, media]) => `<p><code>${escapeHtml(type)}</code></p>${pretty(asObject(media).schema)}`)
        .join('');
      return `<details><summary><strong>${escapeHtml(status)}</strong> ${escapeHtml(String(r.description ?? ''))}</summary>${content}</details>`;
    })
    .join('');
  return `<section id="${anchor(method, path)}" class="op">
<h3><span class="method ${escapeHtml(method)}">${escapeHtml(method.toUpperCase())}</span> <code>${escapeHtml(path)}</code></h3>
${operation.summary ? `<p>${escapeHtml(String(operation.summary))}</p>` : ''}
${operation.security ? '<p class="auth">Requires <code>Authorization: Bearer &lt;REVIEW_TOKEN&gt;</code></p>' : ''}
${paramRows ? `<table><thead><tr><th>Parameter</th><th>In</th><th>Required</th><th>Schema</th></tr></thead><tbody>${paramRows}</tbody></table>` : ''}
${bodies}
<h4>Responses</h4>${responseItems}
</section>`;
}

export function renderDocsPage(document: unknown): string {
  const doc = document as OpenApiDocument;
  const operations = Object.entries(doc.paths ?? {}).flatMap(([path, item]) =>
    Object.entries(item).map(([method, operation]) => ({ path, method, operation: asObject(operation) })),
  );
  const toc = operations
    .map(
      ({ path, method }) =>
        `<li><a href="#${anchor(method, path)}">${escapeHtml(method.toUpperCase())} ${escapeHtml(path)}</a></li>`,
    )
    .join('');
  const schemas = Object.entries(doc.components?.schemas ?? {})
    .map(
      ([name, schema]) =>
        `<details id="schema-${escapeHtml(name)}"><summary>${escapeHtml(name)}</summary>${pretty(schema)}</details>`,
    )
    .join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(doc.info?.title ?? 'API')} docs</title><link rel="stylesheet" href="/api/docs.css"></head>
<body><main>
<h1>${escapeHtml(doc.info?.title ?? 'API')} <small>${escapeHtml(doc.info?.version ?? '')}</small></h1>
<p>${escapeHtml(doc.info?.description ?? '')}</p>
<p>Machine-readable: <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI 3.1). Errors are
<code>{"error": {"code", "message", "issues"?: [{"path", "message"}]}}</code>.</p>
<nav aria-label="Endpoints"><ul>${toc}</ul></nav>
${operations.map(({ path, method, operation }) => renderOperation(path, method, operation)).join('\n')}
<h2>Schemas</h2>${schemas}
</main></body></html>
`;
}

export function renderDocsCss(): string {
  return `body{font:15px/1.5 system-ui,sans-serif;margin:0;color:#1b1b1b;background:#fff}
main{max-width:60rem;margin:0 auto;padding:1rem 1.5rem}
pre{background:#f4f4f4;padding:.75rem;overflow:auto;font-size:13px}
table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.25rem .5rem;text-align:left}
.op{border-top:1px solid #ddd;margin-top:1.5rem}.method{display:inline-block;min-width:4rem;font-weight:700}
.get{color:#0b5394}.post{color:#38761d}.put{color:#b45f06}.auth{color:#7f0000}
summary{cursor:pointer}
`;
}
