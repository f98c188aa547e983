/**
 * The one way certplan reads a YAML file it reports problems in (exams.yaml, sources.yaml, reviews.yaml,
 * reviewers.yaml, freshness.yaml, a source's front matter): the same parser options everywhere, and positions
 * from `yaml`'s own node ranges turned into line and column by its LineCounter, never by counting lines again.
 */
import { type Document, isMap, isPair, isScalar, isSeq, LineCounter, type Node, parseDocument } from 'yaml';
import type { z } from 'zod';

/** 1-based line and column in the parsed text. */
export interface YamlPoint {
  line: number;
  column: number;
}

export interface YamlSyntaxError extends YamlPoint {
  /** yaml's message, first line only ("Map keys must be unique"). */
  message: string;
}

export interface ParsedYaml {
  document: Document.Parsed;
  /** Syntax errors and duplicate keys, in file order; when there are any, `document` is not to be trusted. */
  errors: YamlSyntaxError[];
  /** The line and column of an offset (UTF-16 code units) in the text. */
  pointAt(offset: number): YamlPoint;
  /**
   * Where the node at `path` starts; for a path that does not exist, the deepest node that does (a missing key
   * points at its mapping, a missing document at 1:1).
   */
  nodeAt(path: readonly PropertyKey[]): Node | null;
  pointOf(path: readonly PropertyKey[]): YamlPoint;
  /** Where a zod issue about the parsed data belongs: its path's node, or for an unknown key, that key. */
  pointOfIssue(issue: z.core.$ZodIssue): YamlPoint;
}

/**
 * Parses `text` with duplicate keys as errors and plain (single-line) error messages: positions are the
 * caller's to print, in its own `file:line:column` form. Never throws on bad YAML: see `errors`.
 */
export function parseYaml(text: string): ParsedYaml {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const pointAt = (offset: number): YamlPoint => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  const nodeAt = (path: readonly PropertyKey[]): Node | null => {
    let node = document.contents as Node | null;
    for (const key of path) {
      let next: Node | null | undefined;
      if (isMap(node)) {
        const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && item.key.value === key);
        next = pair?.value as Node | null | undefined;
      } else if (isSeq(node) && typeof key === 'number') {
        next = node.items[key] as Node | null | undefined;
      }
      // A key with no value (`fee:`) has no node of its own: its mapping is where the problem is.
      if (!next?.range) return node;
      node = next;
    }
    return node;
  };
  const pointOf = (path: readonly PropertyKey[]) => pointAt(nodeAt(path)?.range?.[0] ?? 0);
  const pointOfIssue = (issue: z.core.$ZodIssue): YamlPoint => {
    const node = nodeAt(issue.path);
    if (issue.code === 'unrecognized_keys' && isMap(node)) {
      const pair = node.items.find(
        (item) => isPair(item) && isScalar(item.key) && issue.keys.includes(String(item.key.value)),
      );
      if (pair && isScalar(pair.key) && pair.key.range) return pointAt(pair.key.range[0]);
    }
    return pointAt(node?.range?.[0] ?? 0);
  };
  const errors = document.errors.map((error) => ({
    ...pointAt(error.pos[0]),
    message: error.message.split('\n')[0] || error.code,
  }));
  return { document, errors, pointAt, nodeAt, pointOf, pointOfIssue };
}
