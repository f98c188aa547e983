/**
 * Source URLs come from untrusted pages: only http(s) links are ever put in an href, so a
 * `javascript:` or `data:` URL in a source can never run when a reader clicks it.
 */
export function safeHref(url: string | null | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}
