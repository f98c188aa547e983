// ESLint runs for one job: checking every regular expression with eslint-plugin-regexp (Biome stays the formatter
// and the general linter). Source articles are untrusted text, so a regex that backtracks or moves
// super-linearly is a stall waiting for the right input: those rules are errors everywhere, tests and scripts
// included (a pattern gets copied). The plugin's recommended rules that catch wrong or ambiguous patterns stay
// on; the ones that only restyle a correct pattern are off, so rewrites stay about behaviour.
import regexp from 'eslint-plugin-regexp';
import tseslint from 'typescript-eslint';

const recommended = Object.fromEntries(
  Object.entries(regexp.configs['flat/recommended'].rules).filter(([name]) => name.startsWith('regexp/')),
);

/** Rules about the form of a correct regex (shorter spelling, flags, group kinds), not about what it matches. */
const OFF = [
  'regexp/no-unused-capturing-group',
  'regexp/no-useless-character-class',
  'regexp/no-useless-escape',
  'regexp/no-useless-flag',
  'regexp/no-useless-lazy',
  'regexp/no-useless-non-capturing-group',
  'regexp/no-useless-quantifier',
  'regexp/no-useless-range',
  'regexp/no-useless-string-literal',
  'regexp/no-useless-two-nums-quantifier',
  'regexp/no-trivially-nested-quantifier',
  'regexp/optimal-quantifier-concatenation',
  'regexp/prefer-character-class',
  'regexp/prefer-d',
  'regexp/prefer-plus-quantifier',
  'regexp/prefer-question-quantifier',
  'regexp/prefer-range',
  'regexp/prefer-set-operation',
  'regexp/prefer-star-quantifier',
  'regexp/prefer-unicode-codepoint-escapes',
  'regexp/prefer-w',
  'regexp/simplify-set-operations',
  'regexp/sort-flags',
  'regexp/use-ignore-case',
  // Flags an optional part that an assertion forces on one path (`\s?` before `\b`): true of readable patterns, harmless.
  'regexp/no-contradiction-with-assertion',
];

export default [
  {
    ignores: ['**/node_modules/**', '**/dist/**', '**/src/generated/**', 'content/**', '**/coverage/**', '.turbo/**'],
  },
  {
    files: ['**/*.{ts,tsx,mts,cts,js,mjs,cjs}'],
    languageOptions: { parser: tseslint.parser, ecmaVersion: 'latest', sourceType: 'module' },
    plugins: { regexp },
    rules: {
      ...recommended,
      ...Object.fromEntries(OFF.map((name) => [name, 'off'])),
      // "certain": report every pattern the plugin can prove exploitable (its default), as errors.
      'regexp/no-super-linear-backtracking': ['error', { report: 'certain' }],
      // Also when the regex is used without ^ or y: `.test`, `.exec`, `.split` and `replace` on untrusted text
      // retry at every start position, which is where a quadratic move hides.
      'regexp/no-super-linear-move': ['error', { report: 'certain', ignoreSticky: false, ignorePartial: false }],
    },
  },
];
