/**
 * One source through the whole unified pipeline: parse into mdast, build the document model, run every
 * extractor plugin. Content problems come back as vfile messages; only unreadable input throws.
 */
import type { Exam } from '@certplan/core';
import type { Root } from 'mdast';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { location } from 'vfile-location';
import { extractCode } from '../plugins/extract-code.ts';
import { extractDelivery } from '../plugins/extract-delivery.ts';
import { extractDomain, type PendingDomainList } from '../plugins/extract-domain.ts';
import { extractDuration } from '../plugins/extract-duration.ts';
import { extractExperience } from '../plugins/extract-experience.ts';
import { extractFee } from '../plugins/extract-fee.ts';
import { extractFocus } from '../plugins/extract-focus.ts';
import { extractFormat } from '../plugins/extract-format.ts';
import { extractLanguage } from '../plugins/extract-language.ts';
import { extractNotPublished } from '../plugins/extract-not-published.ts';
import { extractObjective } from '../plugins/extract-objective.ts';
import { extractPassingScore } from '../plugins/extract-passing-score.ts';
import { extractQuestions } from '../plugins/extract-questions.ts';
import { extractRecertification } from '../plugins/extract-recertification.ts';
import { extractRelease } from '../plugins/extract-release.ts';
import { extractRetirement } from '../plugins/extract-retirement.ts';
import { extractSalary } from '../plugins/extract-salary.ts';
import { extractStudyHours } from '../plugins/extract-study-hours.ts';
import { extractTestVendor } from '../plugins/extract-test-vendor.ts';
import { extractValidity } from '../plugins/extract-validity.ts';
import { certplanDocument } from './certplanDocument.ts';
import { type DraftFact, pointAt } from './context.ts';
import { FactLimitReached, MAX_FACTS_PER_SOURCE, settlePastFigures } from './emitFact.ts';
import type { ExamMatcher } from './examMatcher.ts';
import { type DetectedFormat, type FileMetadata, parseSource } from './parseSource.ts';

/** Bump when extraction changes, so cached results from older extractors are not reused. */
export const EXTRACTOR_VERSION = '12';

export interface ExtractedSource {
  format: DetectedFormat;
  metadata: FileMetadata;
  text: string;
  facts: DraftFact[];
  /** Domain lists this source alone could not read; buildDataset settles them with the rest of the corpus. */
  pendingDomainLists: PendingDomainList[];
  file: VFile;
}

export function extractSource(
  text: string,
  path: string,
  deps: { matcher: ExamMatcher; exams: readonly Exam[] },
): ExtractedSource {
  const file = new VFile({ path, value: text });
  const parsed = parseSource(text, file);
  const place = location(file);
  const rawPointOf = (offset: number) => {
    const point = place.toPoint(offset);
    return { line: point?.line ?? 1, column: point?.column ?? 1 };
  };
  const processor = unified()
    .use(certplanDocument, { matcher: deps.matcher, toRawOffset: parsed.toRawOffset, rawPointOf })
    .use(extractDomain)
    .use(extractFocus)
    .use(extractObjective)
    .use(extractFee)
    .use(extractDuration)
    .use(extractQuestions)
    .use(extractExperience)
    .use(extractValidity)
    .use(extractRecertification)
    .use(extractRetirement)
    .use(extractRelease)
    .use(extractSalary)
    .use(extractStudyHours)
    .use(extractCode, { exams: deps.exams })
    .use(extractPassingScore)
    .use(extractLanguage)
    .use(extractFormat)
    .use(extractDelivery)
    .use(extractTestVendor)
    .use(extractNotPublished)
    .use(settlePastFigures);
  try {
    processor.runSync(parsed.tree as Root, file);
  } catch (error) {
    if (!(error instanceof FactLimitReached)) throw error;
    const at = file.data.certplan ? pointAt(file.data.certplan, error.offset) : { line: 1, column: 1 };
    file.message(
      `more than ${MAX_FACTS_PER_SOURCE.toLocaleString('en-US')} facts: extraction stopped here; the first ` +
        `${MAX_FACTS_PER_SOURCE.toLocaleString('en-US')} are kept and the rest of the source is not read`,
      { place: at, ruleId: 'certplan:fact-limit' },
    );
    // The extractors that did run may have dated figures to settle, as a full run would.
    settlePastFigures.call(unified())?.(parsed.tree as Root, file, () => {});
  }
  const ctx = file.data.certplan;
  if (!ctx) throw new Error('document plugin did not run');
  if (ctx.doc.text === '' && !file.messages.some((m) => m.ruleId === 'certplan:empty-article')) {
    // A source with nothing to read (front matter only, markup only) is accepted, but never silently.
    const what = parsed.format === 'markdown' ? 'no text besides front matter and markup' : 'no readable text';
    file.message(`empty article (${what}); no facts can come from it`, {
      place: { line: 1, column: 1 },
      ruleId: 'certplan:empty-article',
    });
  }
  return {
    format: parsed.format,
    metadata: parsed.metadata,
    text: ctx.doc.text,
    facts: ctx.facts,
    pendingDomainLists: file.data.pendingDomainLists ?? [],
    file,
  };
}
