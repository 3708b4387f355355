import { useEffect, useState } from 'react';

/** Below this viewport width a chart's category names are slanted so that all of them fit. */
const NARROW = '(max-width: 640px)';

/** True on a narrow screen (a phone, or a desktop window at 200–400% zoom), following changes. */
export function useNarrowScreen(): boolean {
  const [narrow, setNarrow] = useState(() => typeof window !== 'undefined' && !!window.matchMedia?.(NARROW).matches);
  useEffect(() => {
    const mql = window.matchMedia?.(NARROW);
    if (!mql) return;
    const change = (e: MediaQueryListEvent) => setNarrow(e.matches);
    setNarrow(mql.matches);
    mql.addEventListener('change', change);
    return () => mql.removeEventListener('change', change);
  }, []);
  return narrow;
}

/**
 * The XAxis props of a chart whose categories (channels, content, people) are all named: every name
 * shown, and on a narrow screen slanted, with room below for the longest, so that neighbours never
 * overlap (WCAG 1.4.10 at 320 px). The chart's table (View as table) reads them in full either way.
 */
export function categoryAxisProps(narrow: boolean, labels: readonly string[], fontSize = 12) {
  if (!narrow) return { interval: 0 as const };
  const longest = labels.reduce((m, l) => Math.max(m, l.length), 0);
  // a slanted label's height: about 0.55 em per character at 40°, sin(40°) ≈ 0.64, plus the tick gap
  return { interval: 0 as const, angle: -40, textAnchor: 'end' as const, height: Math.min(120, Math.ceil(longest * fontSize * 0.55 * 0.64) + 16) };
}
