/**
 * The request line's fields that could name a patient. The access log is asked by identity code
 * (`?personId=`), and the code must never reach a log file: only the event store holds it.
 */
const PERSONAL_QUERY_FIELDS = ['personId'];
const REDACTED = '[redacted]';

/** The url with the value of every personal query field replaced, however it is spelled or encoded. */
export function redactedUrl(url: string): string {
  const queryStart = url.indexOf('?');
  if (queryStart < 0) return url;
  const query = url
    .slice(queryStart + 1)
    .split('&')
    .map((pair) => {
      const name = pair.split('=')[0]!;
      return isPersonal(name) ? `${name}=${REDACTED}` : pair;
    })
    .join('&');
  return `${url.slice(0, queryStart)}?${query}`;
}

function isPersonal(encodedName: string): boolean {
  let name = encodedName;
  try {
    name = decodeURIComponent(encodedName.replace(/\+/g, ' '));
  } catch {
    // A malformed escape: judge the name as written.
  }
  return PERSONAL_QUERY_FIELDS.some((field) => field.toLowerCase() === name.trim().toLowerCase());
}

interface LoggedRequest {
  url?: unknown;
  query?: unknown;
}

/** pino-http's request serializer, after the standard one: the url and the parsed query, redacted. */
export function redactRequest<R extends LoggedRequest>(request: R): R {
  if (typeof request.url === 'string') request.url = redactedUrl(request.url);
  if (typeof request.query === 'object' && request.query !== null) {
    request.query = Object.fromEntries(Object.entries(request.query).map(([name, value]) => [name, isPersonal(name) ? REDACTED : value]));
  }
  return request;
}
