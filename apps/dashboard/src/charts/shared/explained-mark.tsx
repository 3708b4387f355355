import { useEffect, useId, useState, type ReactNode } from 'react';

/**
 * A mark whose explanation shows on hover and keyboard focus (the `.suppressed[data-tip]` tooltip)
 * and is its accessible description. Escape hides the explanation without moving the pointer or
 * focus (WCAG 1.4.13); it comes back on the next hover or focus. Every hidden number uses it.
 */
export function ExplainedMark({ explanation, className = 'suppressed', children }: { explanation: string; className?: string; children: ReactNode }) {
  const id = useId();
  const [dismissed, setDismissed] = useState(false);
  const [hovered, setHovered] = useState(false);
  useEffect(() => {
    // While the pointer rests on the mark, focus may be anywhere: Escape is listened for on the document.
    if (!hovered || dismissed) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setDismissed(true);
    };
    document.addEventListener('keydown', onKey, true);
    return () => document.removeEventListener('keydown', onKey, true);
  }, [hovered, dismissed]);
  return (
    <>
      <span
        className={dismissed ? `${className} suppressed--dismissed` : className}
        data-tip={explanation}
        aria-describedby={id}
        tabIndex={0}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && !dismissed) {
            e.stopPropagation();
            setDismissed(true);
          }
        }}
        onMouseEnter={() => setHovered(true)}
        onMouseLeave={() => (setHovered(false), setDismissed(false))}
        onFocus={() => setDismissed(false)}
        onBlur={() => setDismissed(false)}
      >
        {children}
      </span>
      <span id={id} className="visually-hidden">
        {explanation}
      </span>
    </>
  );
}
