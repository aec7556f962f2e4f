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

/**
 * One referral of `GET /api/handoffs` (contract v1.1, "Handoffs"): why, the nurse's note, the
 * timeframe, and how to reach the patient. Personal data: every package handed out is a logged read.
 */
export interface ReferralView {
  taskId: string;
  /** Why: the nurse's decision reason when the decision gives one, else the symptoms as assessed. */
  reason: string;
  handoffNote: string;
  careLevel?: string;
  within?: string;
  transport?: string;
  /** The S6 limit: unanswered by then, the task returns to the nurses' queue. */
  answerBy: string;
  redirectedAt: string;
  patient: { ageYears?: number; sex?: string };
  callbackPhone: string;
  address: string;
  municipality: string;
  area: string;
  /** v1 names of the inbox, kept for clients written against them. */
  deadline: string;
  ageYears?: number;
}
