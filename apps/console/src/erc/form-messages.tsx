import type { ReactNode } from 'react';

/** What a form's send came to: a status when it went, an alert when it did not. */
export type Outcome = { ok: boolean; text: string };

/** A field's problem beside it, with a symbol besides its colour; `id` is what the field's aria-describedby names. */
export function FieldError({ id, field, children }: { id: string; field: string; children: ReactNode }) {
  return (
    <span className="field-error" id={id} data-error-for={field}>
      <span aria-hidden="true">⚠ </span>
      {children}
    </span>
  );
}

export function OutcomeLine({ outcome, testId }: { outcome: Outcome; testId: string }) {
  return (
    <p role={outcome.ok ? 'status' : 'alert'} className={outcome.ok ? 'outcome-ok' : 'outcome-error'} data-testid={testId}>
      <span aria-hidden="true">{outcome.ok ? '✓ ' : '⚠ '}</span>
      {outcome.text}
    </p>
  );
}
