/**
 * Code generation with ts-morph: from a built dataset, a TypeScript module of literal types the API and web
 * type-check against (exam ids, attributes, each exam's domain names, source ids), plus const arrays so code
 * can iterate the same values it type-checks.
 */
import { compareStrings, type Dataset } from '@certplan/core';

const sq = (v: string) => `'${v.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
const union = (values: readonly string[]) => (values.length === 0 ? 'never' : values.map(sq).join(' | '));
const uniqSorted = (values: Iterable<string>) => [...new Set(values)].sort();

export async function generateDatasetTypes(dataset: Pick<Dataset, 'exams' | 'facts' | 'sources'>): Promise<string> {
  // ts-morph brings the whole TypeScript compiler (several MB of JS): load it only when code is generated.
  const { IndentationText, Project, QuoteKind, VariableDeclarationKind } = await import('ts-morph');
  const project = new Project({
    useInMemoryFileSystem: true,
    manipulationSettings: { quoteKind: QuoteKind.Single, indentationText: IndentationText.TwoSpaces },
  });
  const file = project.createSourceFile('dataset-types.ts', '', { overwrite: true });
  file.addStatements([
    '// Generated from content/dataset/dataset.json by packages/planner-api/scripts/codegen.ts. Do not edit.',
  ]);

  const examIds = uniqSorted(dataset.exams.map((e) => e.id));
  const attributes = uniqSorted(dataset.facts.map((f) => f.attribute));
  const sourceIds = uniqSorted(dataset.sources.map((s) => s.id));
  const domainsByExam = new Map<string, string[]>();
  for (const exam of examIds) domainsByExam.set(exam, []);
  for (const fact of dataset.facts) {
    if (fact.attribute === 'domain') domainsByExam.get(fact.exam)?.push(fact.value.name);
  }

  const addConstArray = (name: string, values: readonly string[], doc: string) => {
    file.addVariableStatement({
      isExported: true,
      declarationKind: VariableDeclarationKind.Const,
      docs: [doc],
      declarations: [{ name, initializer: `[${values.map(sq).join(', ')}] as const` }],
    });
  };
  addConstArray('examIds', examIds, 'Every exam id in the catalog.');
  file.addTypeAlias({ isExported: true, name: 'ExamId', type: '(typeof examIds)[number]' });
  addConstArray('factAttributes', attributes, 'Attributes that at least one fact in the dataset carries.');
  file.addTypeAlias({ isExported: true, name: 'FactAttribute', type: '(typeof factAttributes)[number]' });
  addConstArray('sourceIds', sourceIds, 'Every source id in the dataset.');
  file.addTypeAlias({ isExported: true, name: 'SourceId', type: '(typeof sourceIds)[number]' });

  file.addVariableStatement({
    isExported: true,
    declarationKind: VariableDeclarationKind.Const,
    docs: ["Each exam's domain names as sources state them (sorted, distinct)."],
    declarations: [
      {
        name: 'domainNames',
        initializer: (writer) => {
          writer.write('{').newLine();
          writer.indent(() => {
            for (const exam of examIds) {
              const names = uniqSorted(domainsByExam.get(exam) ?? []);
              writer.writeLine(`${sq(exam)}: [${names.map(sq).join(', ')}],`);
            }
          });
          writer.write('} as const satisfies Record<ExamId, readonly string[]>');
        },
      },
    ],
  });
  file.addTypeAlias({
    isExported: true,
    name: 'DomainName',
    typeParameters: [{ name: 'E', constraint: 'ExamId', default: 'ExamId' }],
    type: '(typeof domainNames)[E][number]',
  });
  file.addInterface({
    isExported: true,
    name: 'ExamNames',
    docs: ['Display names by exam id.'],
    properties: dataset.exams
      .slice()
      .sort((a, b) => compareStrings(a.id, b.id))
      .map((e) => ({ name: sq(e.id), type: sq(e.name), isReadonly: true })),
  });
  file.addTypeAlias({
    isExported: true,
    name: 'AnyDomainName',
    type: union(uniqSorted([...domainsByExam.values()].flat())),
  });
  file.formatText({ indentSize: 2 });
  return file.getFullText();
}
