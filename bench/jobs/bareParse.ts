/**
 * The floor for ingest: read every raw file and parse it with the same unified parsers ingest uses (resolved
 * from packages/ingest, so the very same copies), with no plugins run, no extraction and no reconciliation.
 * `ingest / bare parse` is then the cost of everything certplan adds on top of parsing.
 *
 * Child job: `bareParse.ts <contentDir>`; reports {ms, cpuMs, bytes, files}.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { finishJob, repoRoot } from '../lib/childJob.ts';

type Parser = { parse: (file: string) => unknown };
type Chain = Parser & { use: (plugin: unknown, ...options: unknown[]) => Chain };

const fromIngest = createRequire(join(repoRoot, 'packages/ingest/package.json'));
const load = async <T>(name: string): Promise<T> =>
  (await import(pathToFileURL(fromIngest.resolve(name)).href)).default as T;

function listFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? listFiles(path) : [path];
    });
}

export async function bareParsers() {
  const { unified } = (await import(pathToFileURL(fromIngest.resolve('unified')).href)) as {
    unified: () => Chain;
  };
  const remarkParse = await load('remark-parse');
  const remarkFrontmatter = await load('remark-frontmatter');
  const rehypeParse = await load('rehype-parse');
  // GitHub-flavoured Markdown as ingest reads it: remark-gfm's syntax minus the constructs a document cannot hold
  // (packages/ingest/src/lib/remarkGfmFor.ts), so the floor is the very parse ingest does.
  const { remarkGfmFor } = await import('../../packages/ingest/src/lib/remarkGfmFor.ts');
  const markdown = (text: string) =>
    unified().use(remarkParse).use(remarkFrontmatter, ['yaml', 'toml']).use(remarkGfmFor, text);
  return {
    html: unified().use(rehypeParse, { fragment: true }) as Parser,
    markdown: { parse: (text: string) => markdown(text).parse(text) } as Parser,
  };
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Mirrors ingest's format detection (packages/ingest/src/lib/detectFormat.ts): from bytes, not names. */
function detectFormat(text: string): 'wordpress' | 'markdown' | 'text' {
  if (text.trimStart().startsWith('{')) return 'wordpress';
  if (/^---\r?\n/.test(text)) return 'markdown';
  if (/^#{1,6} \S/m.test(text) || /\]\([^)\s]+\)/.test(text)) return 'markdown';
  if (text.includes('](') && text.split('\n').filter((l) => /^[-*+] \S/.test(l.trimStart())).length >= 2)
    return 'markdown';
  return 'text';
}

const dir = process.argv[2];
if (!dir) throw new Error('usage: bareParse.ts <contentDir>');
const parsers = await bareParsers();
const files = listFiles(join(dir, 'raw'));
const cpuBefore = process.cpuUsage();
const started = performance.now();
let bytes = 0;
const byFormat: Record<string, { files: number; bytes: number; ms: number }> = {};
for (const path of files) {
  const buffer = readFileSync(path);
  bytes += buffer.length;
  const text = utf8.decode(buffer);
  const format = detectFormat(text);
  const t0 = performance.now();
  if (format === 'wordpress') {
    const post = JSON.parse(text) as { content?: { rendered?: string } };
    parsers.html.parse(post.content?.rendered ?? '');
  } else if (format === 'markdown') {
    parsers.markdown.parse(text);
  }
  // Plain text has no parser in ingest (it builds its tree line by line): its floor is reading and decoding.
  byFormat[format] ??= { files: 0, bytes: 0, ms: 0 };
  const stat = byFormat[format];
  stat.files++;
  stat.bytes += buffer.length;
  stat.ms += performance.now() - t0;
}
const ms = performance.now() - started;
const cpu = process.cpuUsage(cpuBefore);
finishJob({ ms, cpuMs: (cpu.user + cpu.system) / 1000, bytes, files: files.length, byFormat });
