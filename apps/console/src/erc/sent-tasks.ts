/** A task this ERC desk sent, as the cancel form lists it; kept for the browser session. */
export interface Sent {
  taskId: string;
  ercTaskId: string;
  taskCode: string;
  municipality: string;
  at: string;
  cancelled?: boolean;
}

const SENT_KEY = 'dtask-erc-sent';

export function loadSent(): Sent[] {
  try {
    return JSON.parse(sessionStorage.getItem(SENT_KEY) ?? '[]') as Sent[];
  } catch {
    return [];
  }
}

export function saveSent(sent: Sent[]): void {
  sessionStorage.setItem(SENT_KEY, JSON.stringify(sent));
}
