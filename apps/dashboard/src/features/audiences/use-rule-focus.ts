import { type RefObject, useEffect, useRef } from 'react';
import type { SegmentRule } from '@hubpulse/contracts';
import { type RulePath, nodeAt, pathKey } from './rule-tree.transform';

/** Which control of which node takes focus once the builder has re-rendered after an edit. */
export interface RuleFocus {
  path: RulePath;
  control: 'up' | 'down' | 'kind' | 'add';
}

/**
 * Keeps keyboard focus with the rule the user is working on: a node's controls are re-rendered (or
 * removed) by every edit, so after moving a node focus follows it, after removing one it goes to the
 * node now in its place (or the one before, or the group's "add"), after adding one to the new node.
 * Controls carry data-focus; nodes carry data-path (the builder's own markup, not a test hook).
 */
export function useRuleFocus(container: RefObject<HTMLElement | null>) {
  const pending = useRef<RuleFocus | null>(null);
  useEffect(() => {
    const want = pending.current;
    if (!want || !container.current) return;
    pending.current = null;
    const node = container.current.querySelector(`[data-path="${CSS.escape(pathKey(want.path))}"]`);
    // A move to either end disables the button pressed: its partner takes focus instead.
    const order = want.control === 'up' ? ['up', 'down'] : want.control === 'down' ? ['down', 'up'] : [want.control];
    for (const control of order) {
      const el = node?.querySelector<HTMLElement>(`[data-focus="${control}"]:not(:disabled)`);
      if (el) return el.focus();
    }
  });
  return (focus: RuleFocus) => {
    pending.current = focus;
  };
}

/** Where focus goes once the node at `path` (a child of a group) is removed from `rule` (the tree after removal). */
export function focusAfterRemove(rule: SegmentRule, path: RulePath): RuleFocus {
  const index = path[path.length - 1];
  const parent = path.slice(0, -2);
  // A NOT's only child goes with its NOT (removeAt), unless the NOT is the root, which stays.
  if (typeof index !== 'number') return path.length > 1 ? focusAfterRemove(rule, path.slice(0, -1)) : { path, control: 'kind' };
  if (nodeAt(rule, [...parent, 'children', index])) return { path: [...parent, 'children', index], control: 'kind' };
  if (index > 0) return { path: [...parent, 'children', index - 1], control: 'kind' };
  return { path: parent, control: 'add' };
}
