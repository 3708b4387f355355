import { useEffect, useRef } from 'react';
import { useLocation } from 'react-router';

/**
 * Where focus goes when a client-side route change leaves it nowhere. Signing in, or following a
 * link or button that the next page does not have, removes the focused element: focus falls back to
 * <body> and the browser's Tab starting point stays where the removed element was, so the next Tab
 * lands somewhere in the middle of the new page (or leaves the page). After each route change that
 * lost focus, this element at the very top of the page takes it (programmatic focus only, no ring,
 * nothing visible), so the next Tab reaches "Skip to main content" again, as on a fresh page load.
 * Focus that is still on something (a navigation link, a field) is left where it is.
 */
export function FocusStart() {
  const ref = useRef<HTMLDivElement>(null);
  const { pathname } = useLocation();
  useEffect(() => {
    const active = document.activeElement;
    if (!active || active === document.body || !active.isConnected) ref.current?.focus({ preventScroll: true });
  }, [pathname]);
  return <div ref={ref} tabIndex={-1} className="focus-start" />;
}
