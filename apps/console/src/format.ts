/** Waiting time as m:ss or h:mm:ss, counted on the client from the ERC's receive time. */
export function waited(receivedAt: string, now: number): string {
  const seconds = Math.max(0, Math.floor((now - Date.parse(receivedAt)) / 1000));
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = String(seconds % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

export function duration(seconds: number): string {
  return waited(new Date(0).toISOString(), seconds * 1000);
}
