/**
 * Who may say how much a source is trusted: sources.yaml only. Its own file because it is a trust rule (issue
 * 12, case 4), tested on its own, not a step of the build.
 */
import { type Authority, AuthoritySchema } from '@certplan/core';

/** Authorities from the most trusted to the least (the enum's order). */
const AUTHORITY_RANK: readonly Authority[] = AuthoritySchema.options;

/**
 * The authority a source gets. Only sources.yaml grants it (unregistered: secondary); the file's own metadata,
 * which anyone who can add a file writes, may lower it and never raise it. `note` says what the file asked for
 * and what was applied, when it asked for anything else.
 */
export function grantAuthority(
  registered: Authority | undefined,
  fromFile: string | undefined,
): { authority: Authority; note: string | null } {
  const granted: Authority = registered ?? 'secondary';
  const own = AuthoritySchema.safeParse(fromFile);
  if (!own.success || own.data === granted) return { authority: granted, note: null };
  const by = registered ? 'sources.yaml' : 'the default for unregistered sources';
  if (AUTHORITY_RANK.indexOf(own.data) > AUTHORITY_RANK.indexOf(granted))
    return { authority: own.data, note: `lowered from ${granted} (${by}) by the file's own authority: ${own.data}` };
  return {
    authority: granted,
    note: `the file's own authority: ${own.data} was not applied; only sources.yaml grants authority`,
  };
}
