import { BadRequestException, PipeTransform } from '@nestjs/common';
import { z } from 'zod';

export interface ValidationIssue {
  path: string;
  message: string;
}

export function validationError(issues: ValidationIssue[]): BadRequestException {
  return new BadRequestException({ error: 'validation', issues });
}

export function toValidationIssues(error: z.ZodError): ValidationIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.') || '(body)',
    message: issue.message,
  }));
}

/** Parses a body or query with its zod schema; a failure is a 400 naming every bad field. */
export class ZodValidationPipe<S extends z.ZodType> implements PipeTransform<unknown, z.infer<S>> {
  constructor(private readonly schema: S) {}

  transform(value: unknown): z.infer<S> {
    const parsed = this.schema.safeParse(value ?? {});
    if (!parsed.success) throw validationError(toValidationIssues(parsed.error));
    return parsed.data;
  }
}

export const zodPipe = <S extends z.ZodType>(schema: S) => new ZodValidationPipe(schema);
