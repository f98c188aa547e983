/**
 * Domain names as sources write them differ ("Domain 1: ML Problem Framing (15%)", "Framing ML problems"):
 * compare them as sets of normalised words, so a focus statement finds the domain it is about.
 */

const STOPWORDS = new Set(['and', 'the', 'of', 'for', 'to', 'in', 'a', 'an', 'on', 'with', 'domain', 'using']);
const EXPANSIONS: Record<string, string[]> = { ml: ['machine', 'learning'], ai: ['artificial', 'intelligence'] };

/** Lowercased, accents, punctuation, "Domain 2:" prefixes and "(24%)" suffixes removed. */
export function normalizeDomainName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/^\s*(domain|section|part)\s*\d+\s*[:.)–-]?\s*/, '')
    .replace(/\(\s*\d+(\.\d+)?\s*%\s*\)/g, ' ')
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Just enough stemming for headings: "Modeling" ~ "Models", "Automating" ~ "Automate". */
function stem(word: string): string {
  let w = word;
  if (w.length > 6 && w.endsWith('ing')) w = w.slice(0, w.endsWith('lling') ? -4 : -3);
  else if (w.length > 4 && w.endsWith('ies')) w = `${w.slice(0, -3)}y`;
  else if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) w = w.slice(0, -1);
  if (w.length > 4 && w.endsWith('e')) w = w.slice(0, -1);
  return w;
}

export function domainTokens(name: string): Set<string> {
  const tokens = new Set<string>();
  for (const word of normalizeDomainName(name).split(' ')) {
    if (!word || STOPWORDS.has(word)) continue;
    const expansion = EXPANSIONS[word];
    if (expansion) for (const part of expansion) tokens.add(stem(part));
    else tokens.add(stem(word));
  }
  return tokens;
}

/** Dice coefficient of the word sets, raised when one name's words (two or more) all occur in the other. */
export function domainSimilarity(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const token of a) if (b.has(token)) shared++;
  const dice = (2 * shared) / (a.size + b.size);
  const smaller = Math.min(a.size, b.size);
  if (shared === smaller && smaller >= 2) return Math.max(dice, 0.8);
  return dice;
}

export const DOMAIN_MATCH_THRESHOLD = 0.5;

/** Index of the best-matching candidate, or -1 when none is similar enough. Ties go to the earlier one. */
export function bestDomainMatch(name: string, candidates: readonly ReadonlySet<string>[]): number {
  const tokens = domainTokens(name);
  let best = -1;
  let bestScore = DOMAIN_MATCH_THRESHOLD - 1e-9;
  for (let i = 0; i < candidates.length; i++) {
    const score = domainSimilarity(tokens, candidates[i] as ReadonlySet<string>);
    if (score > bestScore) {
      best = i;
      bestScore = score;
    }
  }
  return best;
}
