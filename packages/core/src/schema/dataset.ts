/**
 * The shape of certplan's data, as zod schemas: the single source for the TypeScript types, the API's
 * validation, the OpenAPI document and `dataset.schema.json`. Every other package imports these.
 */
import { z } from 'zod';

export const ExamIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/);
export const IsoDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD');
export const AuthoritySchema = z.enum(['official', 'editorial', 'secondary']);
export const SourceFormatSchema = z.enum(['wordpress', 'markdown', 'text']);

/**
 * One version of an exam guide (blueprint): `{version, effective: YYYY-MM-DD | null}`. `effective` is null only
 * for the oldest listed version when the day it took effect is not known (a page describing it is known to be
 * older, by its outline, but no source dates the version); the catalog check rejects it anywhere else.
 */
export const GuideVersionSchema = z.object({ version: z.string().min(1), effective: IsoDateSchema.nullable() });

/** One exam of the catalog (`content/exams.yaml`). */
export const ExamSchema = z.object({
  id: ExamIdSchema,
  name: z.string().min(1),
  vendor: z.string().min(1),
  code: z.string().nullable(),
  /** Other ways sources write the exam's name ("PMLE", "AWS MLS", "MLS-C01"). */
  aliases: z.array(z.string().min(1)),
  /** The catalog exam that replaces this one once it retires (the retirement notice names it). */
  successor: ExamIdSchema.optional(),
  /**
   * The exam guide's versions, oldest first: `version` as the vendor names it ("v1.1", "June 2026"), `effective`
   * the day it took effect (null for an oldest version whose start is not known). A figure stated for an older
   * version than the newest may be history, not today's value.
   */
  guides: z.array(GuideVersionSchema).optional(),
});
/**
 * A certification vendor: `name` as exams' `vendor` write it ("AWS"), `aliases` the other ways sources write it
 * ("Amazon Web Services"), `products` its platform and service names ("SageMaker", "Vertex AI"), which tie a
 * statement to the vendor without naming it.
 */
export const VendorSchema = z.object({
  name: z.string().min(1),
  aliases: z.array(z.string().min(1)),
  products: z.array(z.string().min(1)),
});
/**
 * An exam certplan does not plan for (another certification of a catalogued vendor, a retired one without an
 * entry, another vendor's): a number stated about it is never attributed to a catalogued exam.
 */
export const OtherExamSchema = z.object({
  vendor: z.string().min(1),
  name: z.string().min(1),
  code: z.string().min(1).nullable(),
  aliases: z.array(z.string().min(1)),
});
/** `content/exams.yaml`: the exams certplan plans for, and what it needs to tell them from everything else. */
export const CatalogSchema = z.object({
  exams: z.array(ExamSchema).min(1),
  vendors: z.array(VendorSchema).optional(),
  otherExams: z.array(OtherExamSchema).optional(),
});

export const SourceSchema = z.object({
  id: z.string(),
  /** Path under content/raw/, with forward slashes. */
  file: z.string(),
  format: SourceFormatSchema,
  url: z.string().nullable(),
  title: z.string().nullable(),
  published: IsoDateSchema.nullable(),
  modified: IsoDateSchema.nullable(),
  authority: AuthoritySchema,
  /**
   * The exam-guide version the source describes, as the catalog's `guides[].version` writes it ("October 2024"),
   * declared in sources.yaml or the file's front matter. Absent: the source's date decides which version it
   * describes (see reconcile's guide eras).
   */
  guide: z.string().min(1).optional(),
  /** The document's text; every fact's quote is `text.slice(start, end)`. */
  text: z.string(),
});

export const FeeValueSchema = z.object({
  amount: z.number().nonnegative(),
  currency: z.string().length(3),
  /** "approximately $300", "around $200". */
  approximate: z.boolean().optional(),
  /** "$200 (plus tax)". */
  plusTax: z.boolean().optional(),
});
export const DurationValueSchema = z.object({ minutes: z.number().positive() });
export const QuestionsValueSchema = z.object({
  min: z.number().int().nonnegative(),
  max: z.number().int().nonnegative(),
});
export const ExperienceKindSchema = z.enum(['industry', 'ml', 'platform']);
export const ExperienceValueSchema = z.object({
  minYears: z.number().nonnegative(),
  maxYears: z.number().nonnegative().nullable(),
  kind: ExperienceKindSchema,
});
export const ValidityValueSchema = z.object({ months: z.number().int().positive() });
export const RecertificationValueSchema = z.object({ daysBeforeExpiry: z.number().int().nonnegative() });
export const DomainValueSchema = z.object({
  name: z.string().min(1),
  weightPercent: z.number().min(0).max(100).nullable(),
  /**
   * The weight as the source states a range ("15-20%" → [15, 20], percent); `weightPercent` is then null. Absent
   * where the source gives one figure or none.
   */
  weightRange: z.tuple([z.number().min(0).max(100), z.number().min(0).max(100)]).optional(),
  /** Where a source lists the domain in an ordered list or a run of headings: its position, from 0. */
  order: z.number().int().nonnegative().optional(),
  /**
   * Which of the source's domain lists for the exam this domain belongs to (a run of weighted headings, a table,
   * a bulleted list, a prose list): an id the extractor derives from the list's content, stable across rebuilds.
   * A source may state several lists, each a statement of its own; facts without it are read as one list per
   * source (older datasets).
   */
  list: z.string().min(1).optional(),
});
export const SalaryValueSchema = z.object({
  min: z.number().nonnegative(),
  max: z.number().nonnegative(),
  average: z.number().nonnegative().optional(),
  currency: z.string().length(3),
  role: z.string().nullable(),
  /**
   * The source puts no ceiling on it ("$150,000 or more", "$120k and up", "$150k+"): the salary is [min, ∞) and
   * `max` is only the highest figure the source states. Absent means `max` is a real upper bound.
   */
  openEnded: z.literal(true).optional(),
});
export const RetirementValueSchema = z.object({ date: IsoDateSchema });
/**
 * When the exam was released, i.e. first generally available (after any beta): `date` is `YYYY-MM-DD`, or
 * `YYYY-MM` where the source names only the month ("released in March 2026"). A month is the coarser statement
 * of the same thing: a day inside it refines it, a day outside it contradicts it (reconcile's `covers`).
 */
export const ReleaseValueSchema = z.object({
  date: z
    .string()
    .regex(/^\d{4}-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?$/, 'expected a date as YYYY-MM-DD or YYYY-MM'),
});
/**
 * The test vendors (exam delivery providers) that deliver the exam, by their own names ("Pearson VUE",
 * "Kryterion", "PSI", "Certiport"); a statement naming two ("at Pearson VUE or PSI centres") names both.
 */
export const TestVendorValueSchema = z.object({ vendors: z.array(z.string().min(1)).min(1) });
export const CodeValueSchema = z.object({ code: z.string().min(1) });
export const LanguageValueSchema = z.object({ languages: z.array(z.string().min(1)).min(1) });
export const FormatValueSchema = z.object({ formats: z.array(z.string().min(1)).min(1) });
export const DeliveryValueSchema = z.object({ modes: z.array(z.enum(['online-proctored', 'test-center'])).min(1) });
/** What to study for a domain: the services, tools and topics a source names for it. */
export const FocusValueSchema = z.object({ domain: z.string().min(1), topics: z.array(z.string().min(1)).min(1) });
/**
 * One objective of an exam guide (AWS: "task statement", Microsoft: "skill", Google: numbered section item):
 * `domain` the name of the domain it sits under, `ref` its number as the guide writes it ("1.1") or null where
 * the guide numbers none, `label` a short label of what it asks for.
 */
export const ObjectiveValueSchema = z.object({
  domain: z.string().min(1),
  ref: z.string().min(1).nullable(),
  label: z.string().min(1),
});
export const PassingScoreValueSchema = z.object({
  score: z.number().nonnegative(),
  scale: z.number().positive().nullable(),
  /** The page only estimates it ("not published; estimated ~70%"). */
  approximate: z.literal(true).optional(),
});
/**
 * Recommended preparation time in hours, as stated or converted from a rate and a period the page gives
 * ("six to eight weeks at 6–8 hours per week" → {min: 36, max: 64}).
 */
export const StudyHoursValueSchema = z.object({ min: z.number().nonnegative(), max: z.number().nonnegative() });

/**
 * Figures a vendor may leave unpublished (a fee priced per country, an exam without a public skills outline):
 * claim attributes, so "not published" sits beside the figure it stands for.
 */
export const UnpublishableAttributeSchema = z.enum(['fee', 'duration', 'questions', 'domains', 'passingScore']);
/**
 * A source states that the vendor does not publish `attribute` for the exam ("The fee is not published", "pricing
 * varies by country"): a cited answer in place of the figure, weighed against any stated figure (reconcile's
 * contestNotPublished); the comparable set is keyed by `attribute` (claim id `exam.notPublished.fee`).
 */
export const NotPublishedValueSchema = z.object({ attribute: UnpublishableAttributeSchema });

/** Each attribute with the shape of its value. Extend, never rename: the API and web key on these names. */
export const attributeValueSchemas = {
  fee: FeeValueSchema,
  duration: DurationValueSchema,
  questions: QuestionsValueSchema,
  experience: ExperienceValueSchema,
  validity: ValidityValueSchema,
  recertification: RecertificationValueSchema,
  domain: DomainValueSchema,
  salary: SalaryValueSchema,
  retirement: RetirementValueSchema,
  release: ReleaseValueSchema,
  code: CodeValueSchema,
  language: LanguageValueSchema,
  format: FormatValueSchema,
  delivery: DeliveryValueSchema,
  testVendor: TestVendorValueSchema,
  passingScore: PassingScoreValueSchema,
  focus: FocusValueSchema,
  objective: ObjectiveValueSchema,
  studyHours: StudyHoursValueSchema,
  notPublished: NotPublishedValueSchema,
} as const;
export type Attribute = keyof typeof attributeValueSchemas;
export const AttributeSchema = z.enum(Object.keys(attributeValueSchemas) as [Attribute, ...Attribute[]]);
export type AttributeValue<A extends Attribute> = z.infer<(typeof attributeValueSchemas)[A]>;

const factBase = {
  /** Derived from content (source id, attribute, quote, occurrence): stable across rebuilds. */
  id: z.string(),
  exam: ExamIdSchema,
  source: z.string(),
  /** Verbatim: `sources[source].text.slice(start, end)`. */
  quote: z.string().min(1),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  /** The heading path above the statement, outermost first. */
  section: z.array(z.string()),
  /** 1-based line of the statement in the raw file. */
  line: z.number().int().positive(),
};
export const FactSchema = z.discriminatedUnion(
  'attribute',
  (Object.keys(attributeValueSchemas) as Attribute[]).map((attribute) =>
    z.object({ ...factBase, attribute: z.literal(attribute), value: attributeValueSchemas[attribute] }),
  ) as unknown as [z.ZodObject, ...z.ZodObject[]],
) as unknown as z.ZodType<FactUnion>;
export type Fact = FactUnion;
type FactUnion = {
  [A in Attribute]: {
    id: string;
    exam: string;
    attribute: A;
    value: AttributeValue<A>;
    source: string;
    quote: string;
    start: number;
    end: number;
    section: string[];
    line: number;
  };
}[Attribute];

/** Why a claim holds the value it does, factor by factor, in words a learner understands. */
export const RationaleEntrySchema = z.object({
  /** `version`: which exam-guide version a statement describes (a superseded version's figures are history). */
  factor: z.enum(['coverage', 'version', 'authority', 'recency', 'agreement', 'specificity', 'review', 'rule']),
  text: z.string(),
});

/**
 * A claim's attribute: a fact attribute, or `domains` for an exam's whole domain list
 * (value `{domains: [{name, weightPercent|null}], weightsKnown}`).
 */
export const ClaimAttributeSchema = z.union([AttributeSchema, z.literal('domains')]);
export type ClaimAttribute = Attribute | 'domains';

/** The value of an exam's `domains` claim: the domain list one source gives, in its order. */
export const DomainsValueSchema = z.object({
  domains: z.array(
    z.object({
      name: z.string().min(1),
      weightPercent: z.number().min(0).max(100).nullable(),
      /**
       * The weight as the list states a range ("25–30%" → [25, 30], percent), where `weightPercent` is null; absent
       * where the list gives one figure or none. The planner splits hours by the middle of each range, saying so.
       */
      weightRange: z.tuple([z.number().min(0).max(100), z.number().min(0).max(100)]).optional(),
    }),
  ),
  /** False when any domain of the list has no weight: the planner then splits evenly and warns. */
  weightsKnown: z.boolean(),
});

/** Each claim attribute with the shape of its value: a fact attribute's value, or the whole domain list. */
export const claimValueSchemas = { ...attributeValueSchemas, domains: DomainsValueSchema } as const;
export const claimAttributes = Object.keys(claimValueSchemas) as ClaimAttribute[];
export type ClaimValue<A extends ClaimAttribute = ClaimAttribute> = {
  [K in A]: z.infer<(typeof claimValueSchemas)[K]>;
}[A];

/**
 * One zod object per claim attribute, joined into a union discriminated by `attribute` (as facts are), so the
 * typechecker, the OpenAPI document and every consumer agree on each value's shape.
 */
function unionByAttribute<T>(variant: (attribute: ClaimAttribute) => z.ZodObject): z.ZodType<T> {
  return z.discriminatedUnion(
    'attribute',
    claimAttributes.map(variant) as unknown as [z.ZodObject, ...z.ZodObject[]],
  ) as unknown as z.ZodType<T>;
}

export const ClaimStatusSchema = z.enum(['agreed', 'policy', 'reviewed', 'contested']);
export const ConflictSeveritySchema = z.enum(['high', 'low']);
export const ClaimSchema = unionByAttribute<Claim>((attribute) =>
  z.object({
    id: z.string(),
    exam: ExamIdSchema,
    attribute: z.literal(attribute),
    /** A domain's name, a salary's role, an experience kind; null where the attribute has no key. */
    key: z.string().nullable(),
    value: claimValueSchemas[attribute],
    status: ClaimStatusSchema,
    factIds: z.array(z.string()),
    dissentingFactIds: z.array(z.string()),
    rationale: z.array(RationaleEntrySchema),
    conflictId: z.string().nullable().optional(),
    /**
     * Facts that describe a superseded exam-guide version and disagree with every current statement: kept as
     * history (the rationale says which version and since when), never weighed and never a conflict. Absent when
     * there are none.
     */
    historyFactIds: z.array(z.string()).optional(),
  }),
);
/** A claim; `Claim<'fee'>` narrows it to one attribute, with that attribute's value type. */
export type Claim<A extends ClaimAttribute = ClaimAttribute> = {
  [K in A]: {
    id: string;
    exam: string;
    attribute: K;
    key: string | null;
    value: ClaimValue<K>;
    status: 'agreed' | 'policy' | 'reviewed' | 'contested';
    factIds: string[];
    dissentingFactIds: string[];
    rationale: RationaleEntry[];
    conflictId?: string | null | undefined;
    historyFactIds?: string[] | undefined;
  };
}[A];

export const ReviewDecisionSchema = z.enum(['accept', 'choose', 'custom']);
export const ReviewSchema = z.object({
  conflict: z.string(),
  decision: ReviewDecisionSchema,
  factId: z.string().optional(),
  value: z.unknown().optional(),
  note: z.string().min(1),
  by: z.string().min(1),
  at: z.string(),
  /** Digest of the quotes the decision was about, to tell when the facts changed under it. */
  factsDigest: z.string(),
});

/**
 * A disagreement a reviewer settles, typed by attribute like claims: the suggestion and each side hold a value
 * of the conflict's attribute.
 */
export const ConflictSchema = unionByAttribute<Conflict>((attribute) =>
  z.object({
    id: z.string(),
    exam: ExamIdSchema,
    attribute: z.literal(attribute),
    key: z.string().nullable(),
    factIds: z.array(z.string()).min(2),
    severity: ConflictSeveritySchema,
    suggestion: z.object({ value: claimValueSchemas[attribute], rationale: z.array(RationaleEntrySchema) }),
    review: ReviewSchema.nullable(),
    factsDigest: z.string(),
    /**
     * The positions in the disagreement, best-ranked first: each distinct value with the facts that state it.
     * Lets a reviewer (CLI, web) show the quotes side by side.
     */
    sides: z.array(z.object({ value: claimValueSchemas[attribute], factIds: z.array(z.string()).min(1) })),
    /**
     * Where sources say the vendor does not publish the figure this conflict is about while others state one:
     * the `notPublished` facts saying so (also in `factIds`), weighed against the stated figures as one more
     * position. `suggested`: "not published" ranks first, so the suggestion is that the figure is not published
     * (`suggestion.value` then holds the best stated figure, the runner-up). Absent on other conflicts.
     */
    notPublished: z.object({ factIds: z.array(z.string()).min(1), suggested: z.boolean() }).optional(),
  }),
);
export type Conflict<A extends ClaimAttribute = ClaimAttribute> = {
  [K in A]: {
    id: string;
    exam: string;
    attribute: K;
    key: string | null;
    factIds: string[];
    severity: 'high' | 'low';
    suggestion: { value: ClaimValue<K>; rationale: RationaleEntry[] };
    review: Review | null;
    factsDigest: string;
    sides: { value: ClaimValue<K>; factIds: string[] }[];
    notPublished?: { factIds: string[]; suggested: boolean } | undefined;
  };
}[A];

/** A review that was not applied: its conflict is gone, or the facts changed since it was made. */
export const StaleReviewSchema = z.object({ review: ReviewSchema, reason: z.string() });

export const ProblemSchema = z.object({
  file: z.string(),
  line: z.number().int().nullable(),
  column: z.number().int().nullable(),
  ruleId: z.string(),
  message: z.string(),
  fatal: z.boolean(),
});

export const DatasetSchema = z.object({
  exams: z.array(ExamSchema),
  sources: z.array(SourceSchema),
  facts: z.array(FactSchema),
  claims: z.array(ClaimSchema),
  conflicts: z.array(ConflictSchema),
  /** Sources that could not be read (only with `--keep-going`). */
  unreadable: z.array(ProblemSchema).optional(),
  /** Reviews whose conflict is gone or whose facts changed since. */
  staleReviews: z.array(StaleReviewSchema).optional(),
});

export type ExamId = z.infer<typeof ExamIdSchema>;
export type Authority = z.infer<typeof AuthoritySchema>;
export type SourceFormat = z.infer<typeof SourceFormatSchema>;
export type Exam = z.infer<typeof ExamSchema>;
export type Catalog = z.infer<typeof CatalogSchema>;
export type GuideVersion = z.infer<typeof GuideVersionSchema>;
export type Vendor = z.infer<typeof VendorSchema>;
export type OtherExam = z.infer<typeof OtherExamSchema>;
export type Source = z.infer<typeof SourceSchema>;
export type RationaleEntry = z.infer<typeof RationaleEntrySchema>;
export type Review = z.infer<typeof ReviewSchema>;
export type ReviewDecision = z.infer<typeof ReviewDecisionSchema>;
export type DomainsValue = z.infer<typeof DomainsValueSchema>;
export type UnpublishableAttribute = z.infer<typeof UnpublishableAttributeSchema>;
export type Problem = z.infer<typeof ProblemSchema>;
export type Dataset = z.infer<typeof DatasetSchema>;
