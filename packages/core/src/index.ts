/**
 * @certplan/core: pure data and functions. No file system, network, clock or console: callers do the I/O
 * and pass the clock in.
 */

export { authorityRank, compareAuthority } from './claims/authorityRank.ts';
export { claimOf, claimsOf } from './claims/claimsOf.ts';
export type { Successor } from './claims/findSuccessor.ts';
export { findSuccessor } from './claims/findSuccessor.ts';
export {
  claimAttributeNames,
  countDomains,
  experienceKindNames,
  formatClaimValue,
  formatExperience,
  formatMonthYear,
  formatNumber,
} from './claims/formatClaimValue.ts';
export type {
  CertplanErrorCode,
  CertplanErrorIssue,
  CertplanErrorOptions,
  CertplanErrorPlace,
} from './errors.ts';
export { CertplanError, isCertplanError } from './errors.ts';
export type {
  DatedSource,
  ExamChanges,
  Freshness,
  FreshnessCause,
  FreshnessOptions,
} from './freshness/claimFreshness.ts';
export {
  claimFreshness,
  DEFAULT_FRESHNESS_MONTHS,
  FreshnessCauseSchema,
  FreshnessSchema,
  newestSourceDate,
  subtractMonths,
  wholeMonthsBetween,
} from './freshness/claimFreshness.ts';
export type { FreshnessInput } from './freshness/freshnessOfClaims.ts';
export { backingSources, examChangesOf, freshnessOfClaims } from './freshness/freshnessOfClaims.ts';
export type { FreshnessSettings } from './freshness/parseFreshnessSettings.ts';
export {
  DEFAULT_FRESHNESS_SETTINGS,
  FRESHNESS_FILE,
  FreshnessSettingsSchema,
  parseFreshnessSettings,
} from './freshness/parseFreshnessSettings.ts';
export { compareStrings } from './lib/compareStrings.ts';
export type { ParsedYaml, YamlPoint, YamlSyntaxError } from './lib/parseYaml.ts';
export { parseYaml } from './lib/parseYaml.ts';
export { canonicalJson, stableHash } from './lib/stableHash.ts';
export type { ComparableAttribute, ComparableValue, Quantity } from './reconcile/comparableValue.ts';
export { comparableValue, normalizeName } from './reconcile/comparableValue.ts';
export type { ComparableSet, Statement } from './reconcile/groupComparableSets.ts';
export { groupComparableSets } from './reconcile/groupComparableSets.ts';
export type { PolicyFactor, Position, Ranking } from './reconcile/rankPositions.ts';
export { rankPositions } from './reconcile/rankPositions.ts';
export type { ReconcileInput, ReconcileResult, StaleReview } from './reconcile/reconcile.ts';
export { claimIdOf, conflictIdOf, factsDigestOf, reconcile, severityOf } from './reconcile/reconcile.ts';
export { conflictEtag } from './reviews/conflictEtag.ts';
export { parseReviews, removeReview, serializeReviews, upsertReview } from './reviews/parseReviews.ts';
export type {
  Attribute,
  AttributeValue,
  Authority,
  Catalog,
  Claim,
  ClaimAttribute,
  ClaimValue,
  Conflict,
  Dataset,
  DomainsValue,
  Exam,
  ExamId,
  Fact,
  GuideVersion,
  OtherExam,
  Problem,
  RationaleEntry,
  Review,
  ReviewDecision,
  Source,
  SourceFormat,
  UnpublishableAttribute,
  Vendor,
} from './schema/dataset.ts';
export {
  AttributeSchema,
  AuthoritySchema,
  attributeValueSchemas,
  CatalogSchema,
  ClaimAttributeSchema,
  ClaimSchema,
  ClaimStatusSchema,
  CodeValueSchema,
  ConflictSchema,
  ConflictSeveritySchema,
  claimAttributes,
  claimValueSchemas,
  DatasetSchema,
  DeliveryValueSchema,
  DomainsValueSchema,
  DomainValueSchema,
  DurationValueSchema,
  ExamIdSchema,
  ExamSchema,
  ExperienceKindSchema,
  ExperienceValueSchema,
  FactSchema,
  FeeValueSchema,
  FocusValueSchema,
  FormatValueSchema,
  GuideVersionSchema,
  IsoDateSchema,
  LanguageValueSchema,
  NotPublishedValueSchema,
  ObjectiveValueSchema,
  OtherExamSchema,
  PassingScoreValueSchema,
  ProblemSchema,
  QuestionsValueSchema,
  RationaleEntrySchema,
  RecertificationValueSchema,
  ReleaseValueSchema,
  RetirementValueSchema,
  ReviewDecisionSchema,
  ReviewSchema,
  SalaryValueSchema,
  SourceFormatSchema,
  SourceSchema,
  StaleReviewSchema,
  TestVendorValueSchema,
  UnpublishableAttributeSchema,
  ValidityValueSchema,
  VendorSchema,
} from './schema/dataset.ts';
