import type { ReactNode } from 'react';
import { CopyButton } from './copy-button';

/**
 * A secret (a write key, an invitation or reset link) shown this one time: the value, a copy button
 * and a plain "you will not see it again". `onDone` closes it.
 */
export function ShownOnce({ title, value, children, onDone }: { title: string; value: string; children?: ReactNode; onDone: () => void }) {
  return (
    <div className="shown-once" role="status">
      <p className="shown-once__title">{title}</p>
      <div className="shown-once__value">
        <code data-testid="shown-once-value">{value}</code>
        <CopyButton text={value} className="button button--secondary button--small" />
      </div>
      <p className="shown-once__warning">
        <strong>Copy it now: you will not see it again.</strong> {children}
      </p>
      <button type="button" className="button button--ghost button--small" onClick={onDone}>
        Done, I have copied it
      </button>
    </div>
  );
}
