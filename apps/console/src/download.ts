import { ApiError, ApiErrorBody, Session } from './api';

// Apart from api.ts, which runs in Node too (the multi-instance tests drive the console's own api()): this needs a document.
/** Fetches a file with the bearer token and hands it to the browser as a download. */
export async function download(session: Session, path: string, filename: string, headers: Record<string, string> = {}): Promise<void> {
  const response = await fetch(path, { headers: { ...headers, authorization: `Bearer ${session.token}` } });
  if (!response.ok) throw new ApiError(response.status, (await response.json().catch(() => ({}))) as ApiErrorBody);
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.click();
  // The download has started from the click; the URL only needs to outlive it briefly.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
