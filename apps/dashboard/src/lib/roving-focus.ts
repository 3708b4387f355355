import type { KeyboardEvent } from 'react';

/**
 * Where an arrow-key group (radio group, menu) moves from `current` of `count` items on `key`:
 * the next or previous item, wrapping round; Home and End to the ends; null for any other key.
 * `axis` limits the arrows: a menu answers Up/Down only, a radio group both pairs (as the ARIA
 * Authoring Practices describe them).
 */
export function nextIndex(key: string, current: number, count: number, axis: 'both' | 'vertical' = 'both'): number | null {
  if (count === 0) return null;
  const forward = axis === 'vertical' ? ['ArrowDown'] : ['ArrowDown', 'ArrowRight'];
  const back = axis === 'vertical' ? ['ArrowUp'] : ['ArrowUp', 'ArrowLeft'];
  if (forward.includes(key)) return (current + 1) % count;
  if (back.includes(key)) return (current - 1 + count) % count;
  if (key === 'Home') return 0;
  if (key === 'End') return count - 1;
  return null;
}

/**
 * A keydown handler for a container whose items are `selector` elements: moves focus between them
 * with nextIndex and hands the new index to `onMove` (a radio group selects it). Disabled items are skipped.
 */
export function rovingKeyDown(selector: string, axis: 'both' | 'vertical', onMove?: (index: number) => void) {
  return (e: KeyboardEvent<HTMLElement>) => {
    const items = [...e.currentTarget.querySelectorAll<HTMLElement>(selector)].filter((el) => !el.hasAttribute('disabled'));
    const current = items.findIndex((el) => el === document.activeElement);
    const next = nextIndex(e.key, Math.max(current, 0), items.length, axis);
    if (next === null) return;
    e.preventDefault();
    items[next].focus();
    onMove?.(next);
  };
}
