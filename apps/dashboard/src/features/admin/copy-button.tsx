import { useState } from 'react';

/** Copies `text` to the clipboard; says so, or asks to copy by hand where the clipboard is not allowed. */
export function CopyButton({ text, className = 'button button--ghost code-block__copy', label = 'Copy' }: { text: string; className?: string; label?: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setState('copied');
    } catch {
      // Clipboard access needs a secure context; the text can still be selected by hand.
      setState('failed');
    }
    setTimeout(() => setState('idle'), 2000);
  };
  return (
    <button type="button" className={className} onClick={() => void copy()}>
      <span aria-live="polite">{state === 'copied' ? 'Copied' : state === 'failed' ? 'Select and copy' : label}</span>
    </button>
  );
}
