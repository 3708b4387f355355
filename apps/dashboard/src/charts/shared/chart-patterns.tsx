import { useId, type ReactNode } from 'react';

/** An id usable inside `url(#…)` (React's ids carry characters a CSS url would need escaped). */
export function usePatternId(prefix: string): string {
  return `${prefix}-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
}

/**
 * Diagonal stripes of `color` on a pale tint of it: a fill that tells a series, band or bar apart
 * by its texture as well as its colour. Put inside the chart's SVG; fill with `url(#id)` (a Recharts
 * legend icon in the same document draws it too).
 */
export function HatchPattern({ id, color, tint = 0.25 }: { id: string; color: string; tint?: number }) {
  return (
    <defs>
      <pattern id={id} patternUnits="userSpaceOnUse" width={6} height={6} patternTransform="rotate(45)">
        <rect width={6} height={6} fill={color} fillOpacity={tint} />
        <rect width={2.5} height={6} fill={color} />
      </pattern>
    </defs>
  );
}

/**
 * A Recharts legend label in the text colour: Recharts paints it in its series' colour, which on
 * white is too faint to read for the pale ones (and undefined for a striped fill). The icon beside
 * it keeps the colour, dash or stripes.
 */
export function legendLabel(value: string): ReactNode {
  return <span className="chart-legend-label">{value}</span>;
}
