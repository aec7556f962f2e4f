import { useState } from 'react';
import { Session } from './api';
import { useLanguage } from './i18n';
import { CancelForm } from './erc/CancelForm';
import { IntakeForm } from './erc/IntakeForm';
import { loadSent, Sent, saveSent } from './erc/sent-tasks';
import './roles.css';

/**
 * The ERC's side, for demonstrations and for sites without an ERC feed: a D-task as the ERC would
 * send it, and the cancellation of one it sent. The tasks sent are kept for the browser session.
 */
export function ErcView({ session }: { session: Session }) {
  const language = useLanguage();
  const [sent, setSent] = useState<Sent[]>(loadSent);
  const remember = (next: Sent[]) => {
    setSent(next);
    saveSent(next);
  };

  return (
    <div className="erc">
      <IntakeForm session={session} sent={sent} onSent={(task) => remember([task, ...sent])} />
      <CancelForm session={session} sent={sent} language={language} onCancelled={(taskId) => remember(sent.map((s) => (s.taskId === taskId ? { ...s, cancelled: true } : s)))} />
    </div>
  );
}
