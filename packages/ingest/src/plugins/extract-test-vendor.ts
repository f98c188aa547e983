/**
 * The test vendor (exam delivery provider) that delivers an exam: "proctored by Pearson VUE", "book it through
 * Kryterion's Webassessor", "at a Pearson VUE or PSI test centre", a labelled value ("| Delivery | Remote
 * proctored or test center (Kryterion) |", a component's `provider="Pearson VUE"`). Values are the vendors'
 * own names; their platforms stand for them (OnVUE is Pearson VUE's online proctoring, Webassessor Kryterion's
 * registration and delivery system).
 *
 * A vendor named without a word of delivery, proctoring or registration is not read: "see the Pearson VUE page
 * for retake rules" says where a policy is written, not who delivers the exam, and a price or retake policy
 * that names the vendor says as little. Nor are practice-test and course platforms, PSI as the Population
 * Stability Index, or a vendor stated for an exam outside the catalog (subject attribution decides).
 */
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { clauseText, context, mentionsWithin } from '../lib/context.ts';
import { emitFact, quoteFor } from '../lib/emitFact.ts';
import { labelledAs } from '../lib/records.ts';
import { examAt } from '../lib/subjectAt.ts';

export type ExtractTestVendorOptions = Record<string, never>;

/**
 * The test vendors by their names, platforms and web addresses. A bare "Pearson" counts only before a word of
 * testing ("a Pearson test center"): alone it is a publisher or a correlation coefficient. PSI is read in
 * capitals only (the plugin checks the case: "psi" is a unit of pressure).
 */
const VENDOR =
  /\b(?:Pearson\s*VUE|Pearson(?=\s+(?:test(?:ing)?|exam)\s+cent(?:er|re)|\s+(?:proctor|testing))|OnVUE|Kryterion|Webassessor|PSI(?:\s+Services)?|Certiport|Prometric|(?:pearsonvue|webassessor|psiexams|kryteriononline|certiport|prometric)\.com)\b/gi;

/** Canonical name of a matched vendor (by its first letters, lowercased). */
function canonical(match: string): string | null {
  const m = match.toLowerCase();
  if (m.startsWith('pearson') || m.startsWith('onvue')) return 'Pearson VUE';
  if (m.startsWith('kryterion') || m.startsWith('webassessor')) return 'Kryterion';
  if (m.startsWith('psi')) return match.startsWith('PSI') || m.includes('.com') ? 'PSI' : null;
  if (m.startsWith('certiport')) return 'Certiport';
  if (m.startsWith('prometric')) return 'Prometric';
  return null;
}

/** Words that make a vendor the one delivering the exam, whatever else the clause is about. */
const STRONG =
  /\b(?:proctor\w*|deliver\w*|administer\w*|(?:test(?:ing)?|exam)\s+cent(?:er|re)s?|test(?:ing)?\s+(?:partner|provider|vendor)|in[\s-]person|on[\s-]?site|online|remote(?:ly)?)\b/i;
/** Words that make a vendor where the exam is taken or booked, unless the clause is about a policy. */
const WEAK = /\b(?:regist\w*|schedul\w*|book(?:ed|ing|s)?|sit|sitting|take|taken|taking|offer(?:ed|s|ing)?)\b/i;
/** A price, a retake or cancellation policy: the vendor named as where the policy lives. */
const POLICY =
  /\b(?:retakes?|refunds?|cancel\w*|reschedul\w*|prices?|pricing|fees?|costs?|checkout|vouchers?|discounts?|polic(?:y|ies)|rules?)\b/i;
/** A practice test, a course or a lab: a platform for those is not the exam's test vendor. */
const PRACTICE =
  /\b(?:practice|mock|sample|simulat\w*|courses?|training|class(?:es)?|labs?|bootcamps?|tutor\w*|question\s+banks?)\b/i;
/** A vendor as an employer: "Prometric is hiring remote proctors" is a job advert, whatever its words of delivery. */
const EMPLOYER = /\b(?:hir(?:e|es|ed|ing)|jobs?|careers?|vacanc\w*|recruit\w*|employ\w*|apply)\b/i;
/**
 * A sentence that names this many test vendors, and no exam, compares vendors in general ("testing companies
 * such as Pearson VUE, Kryterion and PSI"): an exam is delivered by one vendor, or two (online and in centres).
 */
const COMPARISON = 3;
/**
 * A vendor the exam left or does not use, said just before its name (after the last comma, colon or bracket):
 * "no longer delivered by Kryterion", "not offered at Pearson VUE test centres", "previously proctored by
 * Kryterion". "You do not need to travel: Pearson VUE delivers it" negates something else.
 */
const NOT_NOW =
  /\b(?:no\s+longer|not|never|previously|formerly|used\s+to|until|instead\s+of|rather\s+than|replac\w*)\b|n['\u2019]t\b/i;
/** How far before a vendor's name NOT_NOW is looked for. */
const NOT_NOW_REACH = 40;
/** The vendor left in a move "from Kryterion to Pearson VUE": "from" before it, "to" and the next vendor after. */
const FROM_BEFORE = /\bfrom\s+$/i;
const TO_NEXT = /^\s+to\s+(?:the\s+)?$/i;

/** Statistics around "PSI": the Population Stability Index of drift monitoring. */
const STATISTICS =
  /\b(?:drift\w*|distributions?|stability|baselines?|KS|Kolmogorov|divergence|metrics?|statistic\w*|monitor\w*|population|features?|bins?)\b/i;

export function extractTestVendor(_options?: Readonly<ExtractTestVendorOptions> | null) {
  return (_tree: Root, file: VFile) => {
    const ctx = context(file);
    for (const sentence of ctx.sentences) {
      const text = ctx.doc.text.slice(sentence.start, sentence.end);
      // Per exam, the vendors the sentence names for it, in order, with the offset of the first.
      const found = new Map<string, { vendors: string[]; at: number }>();
      const named: Array<{ vendor: string; at: number; end: number }> = [];
      VENDOR.lastIndex = 0;
      for (let m = VENDOR.exec(text); m; m = VENDOR.exec(text)) {
        const vendor = canonical(m[0]);
        if (vendor) named.push({ vendor, at: sentence.start + m.index, end: sentence.start + m.index + m[0].length });
      }
      const comparison =
        new Set(named.map((n) => n.vendor)).size >= COMPARISON &&
        !mentionsWithin(ctx.mentions, sentence.start, sentence.end).some((m) => m.kind === 'exam');
      for (const [k, { vendor, at, end }] of named.entries()) {
        const next = named[k + 1];
        if (notNow(ctx.doc.text, named[k - 1]?.end ?? sentence.start, at, end, next?.at)) continue;
        const clause = clauseText(ctx, sentence, at);
        if (vendor === 'PSI' && STATISTICS.test(clause)) continue;
        if (PRACTICE.test(clause) || EMPLOYER.test(clause)) continue;
        const labelled = labelledAs(ctx, sentence, at, 'testVendor');
        // A labelled value ("Test vendors: Pearson VUE, PSI, Prometric") is the exam's, however many it lists.
        if (comparison && !labelled) continue;
        if (!labelled && !STRONG.test(clause) && !(WEAK.test(clause) && !POLICY.test(clause))) continue;
        const exam = examAt(ctx, sentence, at);
        if (!exam) continue;
        const entry = found.get(exam) ?? { vendors: [], at };
        if (!entry.vendors.includes(vendor)) entry.vendors.push(vendor);
        found.set(exam, entry);
      }
      for (const [exam, { vendors, at }] of found)
        emitFact(file, { exam, attribute: 'testVendor', value: { vendors }, quote: quoteFor(sentence), at });
    }
  };
}

/**
 * Whether the vendor named at [at, end) is one the exam left or does not use (NOT_NOW before it, back to the
 * previous vendor's name `from` at most NOT_NOW_REACH characters, after the last comma, colon or bracket), or
 * the first of a move "from X to Y" (the next vendor's name starts at `next`).
 */
function notNow(text: string, from: number, at: number, end: number, next: number | undefined): boolean {
  const window = text.slice(Math.max(from, at - NOT_NOW_REACH), at);
  const own = window.slice(Math.max(...[',', ':', ';', '(', ')'].map((c) => window.lastIndexOf(c))) + 1);
  if (NOT_NOW.test(own)) return true;
  return next !== undefined && FROM_BEFORE.test(own) && TO_NEXT.test(text.slice(end, next));
}
