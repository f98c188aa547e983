/**
 * The shared start of the dataset commands (`pnpm conflicts`, `pnpm sources`): where they write, and their
 * options read strictly (node's parseArgs, no positionals) with `--help`/`-h` added.
 */
import { type ParseArgsConfig, parseArgs } from 'node:util';

type OptionsConfig = NonNullable<ParseArgsConfig['options']>;

/** Where a command writes: the process's streams, or a test's buffers. */
export interface CliOutput {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

export const processOutput: CliOutput = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

const help = { help: { type: 'boolean', short: 'h' } } as const;
// biome-ignore lint/correctness/noUnusedVariables: used in parseCliArgs's signature; Biome misses uses through `typeof f<T>`
type Values<O extends OptionsConfig> = ReturnType<
  typeof parseArgs<{ options: O & typeof help; strict: true; allowPositionals: false }>
>['values'];

/**
 * The option values, or the exit code when the command is done: 2 after printing what is wrong with the
 * arguments and the usage to stderr, 0 after printing the usage for `--help`.
 */
export function parseCliArgs<const O extends OptionsConfig>(
  argv: readonly string[],
  options: O,
  usage: string,
  out: CliOutput,
) {
  let values: ReturnType<
    typeof parseArgs<{ options: O & typeof help; strict: true; allowPositionals: false }>
  >['values'];
  try {
    values = parseArgs({ args: [...argv], options: { ...options, ...help }, allowPositionals: false, strict: true })
      .values as typeof values;
  } catch (error) {
    out.stderr(`${(error as Error).message}\n\n${usage}`);
    return { exit: 2 };
  }
  if ((values as { help?: boolean }).help) {
    out.stdout(usage);
    return { exit: 0 };
  }
  return { values };
}
