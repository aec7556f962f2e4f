import { NextFunction, Request, Response } from 'express';

/**
 * Express error middleware for failures of the JSON body parser, which run before Nest's
 * exception filters: malformed, non-object or oversized bodies get the contract's 400.
 */
export function bodyParserErrors(error: { type?: string; status?: number }, _req: Request, res: Response, next: NextFunction): void {
  if (!error || typeof error.status !== 'number' || error.status >= 500) return next(error);
  const message =
    error.type === 'entity.too.large'
      ? 'the body is larger than allowed'
      : error.type === 'entity.parse.failed'
        ? 'the body is not valid JSON (a JSON object is expected)'
        : 'the body could not be read';
  res.status(400).json({ error: 'validation', issues: [{ path: '(body)', message }] });
}
