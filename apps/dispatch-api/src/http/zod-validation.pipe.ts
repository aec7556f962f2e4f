import { ArgumentMetadata, BadRequestException, PipeTransform } from '@nestjs/common';
import { z } from 'zod';

export interface ValidationIssue {
  path: string;
  message: string;
}

export function validationError(issues: ValidationIssue[]): BadRequestException {
  return new BadRequestException({ error: 'validation', issues });
}

/** `whole` names the value itself when the issue is with all of it: a path parameter's name, or `(body)`. */
export function toValidationIssues(error: z.ZodError, whole = '(body)'): ValidationIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.') || whole,
    message: issue.message,
  }));
}

/** Parses a body or query with its zod schema; a failure is a 400 naming every bad field. */
export class ZodValidationPipe<S extends z.ZodType> implements PipeTransform<unknown, z.infer<S>> {
  constructor(private readonly schema: S) {}

  transform(value: unknown, argument?: ArgumentMetadata): z.infer<S> {
    // No body at all reads as an empty one; a JSON `null` sent as the body is refused like any non-object.
    const parsed = this.schema.safeParse(value === undefined ? {} : value);
    if (!parsed.success) throw validationError(toValidationIssues(parsed.error, wholeValueName(argument)));
    return parsed.data;
  }
}

export const zodPipe = <S extends z.ZodType>(schema: S) => new ZodValidationPipe(schema);

function wholeValueName(argument: ArgumentMetadata | undefined): string {
  if (argument?.type === 'param' && argument.data) return argument.data;
  return argument?.type === 'query' ? '(query)' : '(body)';
}
