import { useEffect, useRef } from 'react';
import type { Blocker } from 'react-router';

/** Asks before an in-app navigation drops unsaved edits; `what` names them. */
export function LeavePrompt({ blocker, what = 'the event mappings' }: { blocker: Blocker; what?: string }) {
  const stay = useRef<HTMLButtonElement>(null);
  useEffect(() => stay.current?.focus(), []);
  return (
    <div className="leave-prompt" role="alertdialog" aria-labelledby="leave-prompt-text">
      <p id="leave-prompt-text">You have unsaved changes to {what}. Leave without saving?</p>
      <div className="leave-prompt__actions">
        <button type="button" className="button button--secondary" ref={stay} onClick={() => blocker.reset?.()}>
          Stay
        </button>
        <button type="button" className="button button--primary button--danger-solid" onClick={() => blocker.proceed?.()}>
          Leave without saving
        </button>
      </div>
    </div>
  );
}
