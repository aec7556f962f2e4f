import { z } from 'zod';

/**
 * What a field of an event is, for everyone who must not see personal data (analysts, the live
 * channel): `safe` is kept; `free-text` is dropped (a note can name anyone); `personal` is dropped
 * (the patient's identity code, number, address, exact place); `staff` becomes the member of
 * staff's pseudonym. An object field is classified field by field, or as a whole.
 */
export type FieldClass = 'safe' | 'free-text' | 'personal' | 'staff';

type Leaf = string | number | boolean | bigint | symbol | null | undefined | Date | readonly unknown[];

/** Every key of T, each classified: a field left out, or one T does not have, fails the compile. */
export type FieldClasses<T> = {
  [K in keyof T]-?: NonNullable<T[K]> extends Leaf ? FieldClass : FieldClass | FieldClasses<NonNullable<T[K]>>;
};

export interface ClassTree {
  readonly [field: string]: FieldClass | ClassTree;
}

export interface Classification {
  fields: ClassTree;
  /** The object that names the patient: views put the patient's pseudonym there as `ref`. */
  patientAt?: string;
}

const classifications = z.registry<Classification>();

/**
 * Classifies every field of an object schema beside it, and returns the schema itself. The types
 * require every field; a schema built another way that leaves a field out is refused here.
 */
export function classified<S extends z.ZodObject>(schema: S, fields: FieldClasses<z.output<S>>, patientAt?: keyof z.output<S> & string): S {
  const tree = fields as unknown as ClassTree;
  const wrong = misclassified(schema, tree);
  if (wrong.length > 0) throw new Error(`fields without their one classification: ${wrong.join(', ')}`);
  classifications.add(schema, patientAt ? { fields: tree, patientAt } : { fields: tree });
  return schema;
}

/** The classification beside a schema, or undefined for a schema no one classified. */
export function classificationOf(schema: z.ZodType): Classification | undefined {
  return classifications.get(schema);
}

/** Paths of the schema's fields the tree leaves out, and of the tree's fields the schema lacks. */
export function misclassified(schema: z.ZodObject, tree: ClassTree, prefix = ''): string[] {
  const shape = schema.shape as Record<string, z.ZodType>;
  const wrong: string[] = [];
  for (const field of new Set([...Object.keys(shape), ...Object.keys(tree)])) {
    const path = `${prefix}${field}`;
    const fieldSchema = shape[field];
    const fieldClass = tree[field];
    if (fieldSchema === undefined || fieldClass === undefined) wrong.push(path);
    else if (typeof fieldClass === 'object') {
      const inner = unwrapped(fieldSchema);
      if (inner instanceof z.ZodObject) wrong.push(...misclassified(inner, fieldClass, `${path}.`));
      else wrong.push(path);
    }
  }
  return wrong;
}

/** The object inside `.optional()`, `.nullable()` and `.default()`. */
function unwrapped(schema: z.ZodType): z.ZodType {
  let inner = schema;
  for (let next = innerOf(inner); next; next = innerOf(inner)) inner = next;
  return inner;
}

function innerOf(schema: z.ZodType): z.ZodType | undefined {
  return (schema.def as { innerType?: z.ZodType }).innerType;
}
