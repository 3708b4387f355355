import { type ReactNode, useEffect, useRef, useState } from 'react';

/**
 * The horizontally scrolling wrapper of a wide table (`.table-wrap`). When its table is wider than it
 * (a narrow screen, 200% zoom), it becomes a named, focusable region, so a keyboard user can scroll
 * it (WCAG 2.1.1; axe's scrollable-region-focusable); when everything fits it adds no tab stop.
 */
export function ScrollBox({ labelledBy, children }: { labelledBy?: string; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const [scrolls, setScrolls] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const check = () => setScrolls(el.scrollWidth > el.clientWidth + 1);
    check();
    const observer = new ResizeObserver(check);
    observer.observe(el);
    if (el.firstElementChild) observer.observe(el.firstElementChild);
    return () => observer.disconnect();
  }, []);
  return (
    <div ref={ref} className="table-wrap" {...(scrolls ? { tabIndex: 0, role: 'region', 'aria-labelledby': labelledBy } : {})}>
      {children}
    </div>
  );
}
