import type { OutlineLine } from './rule-summary.transform';

/** A rule in words, indented by nesting. */
export function RuleOutline({ lines }: { lines: OutlineLine[] }) {
  return (
    <ul className="rule-outline">
      {lines.map((l, i) => (
        <li key={i} style={{ paddingLeft: `${l.depth * 18}px` }} className={/:$/.test(l.text) ? 'rule-outline__group' : undefined}>
          {l.text}
        </li>
      ))}
    </ul>
  );
}
