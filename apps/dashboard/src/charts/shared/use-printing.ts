import { useEffect, useState } from 'react';
import { flushSync } from 'react-dom';

/**
 * Width a chart is drawn at on paper: an A4 page's printable width (186 mm ≈ 703 CSS px) less a
 * panel's padding. Responsive charts measure their box after layout, which printing never waits
 * for, so a printed chart would keep its screen width and be shrunk to fit, text and all.
 */
export const PRINT_CHART_WIDTH = 640;

/**
 * True while the page is printed (or emulates print media). Switches synchronously on
 * `beforeprint`, so charts are redrawn at the paper's width before the browser lays out the pages.
 */
export function usePrinting(): boolean {
  const [printing, setPrinting] = useState(() => typeof window !== 'undefined' && !!window.matchMedia?.('print').matches);
  useEffect(() => {
    const mql = window.matchMedia?.('print');
    const set = (value: boolean) => flushSync(() => setPrinting(value));
    const before = () => set(true);
    const after = () => set(mql?.matches ?? false);
    const change = (e: MediaQueryListEvent) => set(e.matches);
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    mql?.addEventListener('change', change);
    return () => {
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', after);
      mql?.removeEventListener('change', change);
    };
  }, []);
  return printing;
}

/** A Recharts chart's size props: the page's width on screen, a fixed width on paper. */
export function chartSize(printing: boolean, height: number, printWidth = PRINT_CHART_WIDTH) {
  return printing ? { width: printWidth, height } : { responsive: true, style: { width: '100%', height } };
}
