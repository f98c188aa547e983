/**
 * Child process for the crash test: writes `versions` to `target` in turn, forever, with the writer under
 * test, and prints "wrote" after the first complete write so the parent knows a write cycle is running.
 * argv: <target> <writer module> <export name>
 */
import { readFileSync } from 'node:fs';

const [target, modulePath, exportName] = process.argv.slice(2) as [string, string, string];
const versions = JSON.parse(readFileSync(`${target}.versions.json`, 'utf8')) as string[];
const module = (await import(modulePath)) as Record<string, (path: string, data: string) => Promise<void>>;
const write = module[exportName]!;

let i = 0;
for (;;) {
  await write(target, versions[i % versions.length]!);
  if (i === 0) process.stdout.write('wrote\n');
  i += 1;
}
