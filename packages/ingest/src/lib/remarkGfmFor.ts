/**
 * GitHub Flavored Markdown for one document, without the constructs that cannot match anywhere in it.
 *
 * Why not plain `remark-gfm`: two GFM constructs are tried at almost every character or line of any document,
 * whether or not it could hold one. The table construct is attempted at the start of every flow line and scans
 * the line for cells; the e-mail autolink literal is registered on every ASCII letter and digit (its authors mark
 * it "to do: perform email autolink literals on events, afterwards"). On one megabyte of ordinary prose they cost
 * about 1.8 s and 1.35 s of CPU against 0.09 s for CommonMark itself (measured for issue 12's 5 MB article).
 *
 * What it does: it gives micromark the same GFM syntax as `remark-gfm` (`micromark-extension-gfm`) and the same
 * mdast conversion (`mdast-util-gfm`), minus each construct whose required text is absent from the document:
 * - `table` needs a delimiter row: a line made only of `|`, `:`, `-`, spaces, tabs and container markers (`>`),
 *   with at least one `-` (GFM spec, "Tables (extension)");
 * - `emailAutolink` needs an `@`; `wwwAutolink` needs `www.` (any case); `protocolAutolink` needs `http://` or
 *   `https://` (any case) (GFM spec, "Autolinks (extension)").
 * The checks are conservative (a thematic break counts as a possible delimiter row), so the tree is exactly the
 * one `remark-gfm` builds; `remarkGfmFor.property.test.ts` holds that against `remark-gfm` itself. Each check is
 * one linear pass over the text.
 */
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import type { Construct, ConstructRecord, Extension } from 'micromark-util-types';
import type { Processor } from 'unified';

/** The GFM constructs this module may leave out, by micromark construct name. */
export type OptionalGfmConstruct = 'table' | 'emailAutolink' | 'wwwAutolink' | 'protocolAutolink';

/** Which optional constructs could match somewhere in `text` (true = keep it). */
export function gfmConstructsNeeded(text: string): Record<OptionalGfmConstruct, boolean> {
  return {
    table: hasPossibleDelimiterRow(text),
    emailAutolink: text.includes('@'),
    wwwAutolink: /www\./i.test(text),
    protocolAutolink: /https?:\/\//i.test(text),
  };
}

/**
 * A unified plugin: GFM syntax and mdast conversion for `text`, the document about to be parsed. Use it in place
 * of `remark-gfm` as `.use(remarkGfmFor, text)`.
 */
export function remarkGfmFor(this: Processor, text: string): undefined {
  const data = this.data();
  const needed = gfmConstructsNeeded(text);
  const left = new Set(Object.entries(needed).flatMap(([name, keep]) => (keep ? [] : [name])));
  data.micromarkExtensions = [...(data.micromarkExtensions ?? []), withoutConstructs(gfm(), left)];
  data.fromMarkdownExtensions = [...(data.fromMarkdownExtensions ?? []), gfmFromMarkdown()];
}

/** A copy of `extension` whose construct records no longer hold the constructs named in `names`. */
function withoutConstructs(extension: Extension, names: Set<string>): Extension {
  if (names.size === 0) return extension;
  const copy: Extension = { ...extension };
  for (const field of ['document', 'contentInitial', 'flowInitial', 'flow', 'string', 'text'] as const) {
    const record = extension[field];
    if (record) copy[field] = filterRecord(record, names);
  }
  return copy;
}

function filterRecord(record: ConstructRecord, names: Set<string>): ConstructRecord {
  const out: ConstructRecord = {};
  for (const key of Object.keys(record)) {
    const value = record[key];
    const list = (Array.isArray(value) ? value : [value]) as Construct[];
    const kept = list.filter((construct) => !(construct.name && names.has(construct.name)));
    if (kept.length > 0) out[key] = kept;
  }
  return out;
}

/**
 * Whether some line (ended by LF, CR or CRLF, as in CommonMark) consists only of `|`, `:`, `-`, `>`, spaces and
 * tabs with at least one `-`: every GFM table delimiter row does, inside any container.
 */
function hasPossibleDelimiterRow(text: string): boolean {
  let onlyDelimiterChars = true;
  let sawDash = false;
  for (let i = 0; i <= text.length; i++) {
    const code = i < text.length ? text.charCodeAt(i) : 10;
    if (code === 10 || code === 13) {
      if (onlyDelimiterChars && sawDash) return true;
      onlyDelimiterChars = true;
      sawDash = false;
    } else if (code === 45) {
      sawDash = true;
    } else if (!(code === 124 || code === 58 || code === 62 || code === 32 || code === 9)) {
      onlyDelimiterChars = false;
    }
  }
  return false;
}
