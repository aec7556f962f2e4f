import { FastifyRequest } from 'fastify';
import Negotiator from 'negotiator';

/** Whether the client's `Accept` prefers CSV to JSON; JSON is the default. */
export function prefersCsv(request: FastifyRequest): boolean {
  return new Negotiator({ headers: request.headers }).mediaType(['application/json', 'text/csv']) === 'text/csv';
}
