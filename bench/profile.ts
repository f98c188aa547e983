/**
 * Summarises a V8 CPU profile (`node --cpu-prof`): the functions with the most self time, and the files with
 * the most inclusive time, so a missed target points at a file and a function.
 *
 * `tsx bench/profile.ts <file.cpuprofile> [--top 25] [--filter packages/]`
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export function summarise(profile: Profile, top = 25, filter = '') {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const selfMs = new Map<number, number>();
  profile.samples.forEach((id, i) => {
    selfMs.set(id, (selfMs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  const total = [...selfMs.values()].reduce((a, b) => a + b, 0);
  const short = (url: string) =>
    url.replace(/^file:\/\//, '').replace(/^.*\/node_modules\/\.pnpm\/[^/]+\/node_modules\//, '~/');
  const label = (n: ProfileNode) =>
    `${n.callFrame.functionName || '(anonymous)'} ${short(n.callFrame.url)}:${n.callFrame.lineNumber + 1}`;
  const self = new Map<string, number>();
  const inclusiveFn = new Map<string, number>();
  const inclusiveFile = new Map<string, number>();
  for (const [id, ms] of selfMs) {
    const node = byId.get(id)!;
    self.set(label(node), (self.get(label(node)) ?? 0) + ms);
    // Each sample counts once per distinct function and file on its stack.
    const fns = new Set<string>();
    const files = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const n = byId.get(cur)!;
      fns.add(label(n));
      if (n.callFrame.url) files.add(short(n.callFrame.url));
    }
    for (const f of fns) inclusiveFn.set(f, (inclusiveFn.get(f) ?? 0) + ms);
    for (const f of files) inclusiveFile.set(f, (inclusiveFile.get(f) ?? 0) + ms);
  }
  const rank = (m: Map<string, number>) =>
    [...m]
      .filter(([k]) => k.includes(filter))
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([k, ms]) => `${ms.toFixed(0).padStart(7)} ms ${((ms / total) * 100).toFixed(1).padStart(5)} %  ${k}`);
  return { total, self: rank(self), inclusiveFn: rank(inclusiveFn), inclusiveFile: rank(inclusiveFile) };
}

if (process.argv[1]?.endsWith('profile.ts')) {
  const file = process.argv[2];
  if (!file) {
    console.error('usage: tsx bench/profile.ts <file.cpuprofile> [--top 25] [--filter text]');
    process.exit(2);
  }
  const opt = (name: string) => {
    const i = process.argv.indexOf(`--${name}`);
    return i >= 0 ? process.argv[i + 1] : undefined;
  };
  const s = summarise(JSON.parse(readFileSync(file, 'utf8')) as Profile, Number(opt('top') ?? 25), opt('filter') ?? '');
  console.log(`sampled ${s.total.toFixed(0)} ms\n\nself time:\n${s.self.join('\n')}`);
  console.log(`\ninclusive time by function:\n${s.inclusiveFn.join('\n')}`);
  console.log(`\ninclusive time by file:\n${s.inclusiveFile.join('\n')}`);
}
