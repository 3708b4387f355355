import type { ReactNode, Ref } from 'react';

/** Above a table edited in place: what is unsaved (announced politely) and the form's buttons. */
export function SaveBar({ dirty, status, children }: { dirty: boolean; status: ReactNode; children: ReactNode }) {
  return (
    <div className="mappings-toolbar">
      <p className={dirty ? 'save-status save-status--dirty' : 'save-status'} role="status">
        {status}
      </p>
      <div className="mappings-toolbar__actions">{children}</div>
    </div>
  );
}

/** Why nothing was saved: a sentence and the problems, focused (by `ref`) after a failed save. */
export function ErrorSummary({ ref, message, items }: { ref: Ref<HTMLDivElement>; message: ReactNode; items: ReactNode[] }) {
  return (
    <div className="form__error mappings-summary" role="alert" tabIndex={-1} ref={ref}>
      <p>{message}</p>
      {items.length > 0 && <ul>{items}</ul>}
    </div>
  );
}
