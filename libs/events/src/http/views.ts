/** Shapes the API answers with, shared by the service and the console (types only). */
export interface QueueItemView {
  taskId: string;
  status: 'waiting' | 'claimed' | 'awaiting-handoff' | 'decided' | 'closed';
  urgency: string;
  taskCode: string;
  area: string;
  municipality: string;
  ageYears?: number;
  receivedAt: string;
  waitingSeconds: number;
  /** When this wait began: the ERC's receipt, or a due follow-up call's due time. */
  waitingSince?: string;
  flags: string[];
  owner?: string;
  /** When the current owner claimed it. */
  claimedAt?: string;
  priority: number;
}
