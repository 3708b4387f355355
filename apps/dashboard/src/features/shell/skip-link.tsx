import type { MouseEvent } from 'react';

/**
 * "Skip to main content": the first thing Tab reaches on every signed-in page, shown only while
 * focused. Each page renders its own <main>, so the link moves focus to whichever one is there
 * (a plain #fragment would also change the client route's URL).
 */
export function SkipLink() {
  const skip = (e: MouseEvent<HTMLAnchorElement>) => {
    const main = document.querySelector('main');
    if (!main) return;
    e.preventDefault();
    // Focusable by script only, so Tab order is unchanged; its own focus ring is left off in CSS.
    if (!main.hasAttribute('tabindex')) main.setAttribute('tabindex', '-1');
    main.focus();
    main.scrollIntoView({ block: 'start' });
  };
  return (
    <a className="skip-link" href="#main" onClick={skip}>
      Skip to main content
    </a>
  );
}
