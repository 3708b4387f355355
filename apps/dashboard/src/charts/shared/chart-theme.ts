// Colours for SVG attributes, each a CSS variable of styles/base.css with a light and a dark value
// (issue 18). Chromium resolves var() in SVG presentation attributes and inline styles.
export const chartTheme = {
  primary: 'var(--chart-primary)',
  secondary: 'var(--chart-secondary)',
  target: 'var(--chart-target)',
  danger: 'var(--chart-danger)',
  grid: 'var(--chart-grid)',
  axis: 'var(--chart-axis)',
  /** The band behind the hovered bar; the inside of a hollow dot. */
  cursor: 'var(--chart-cursor)',
  dotFill: 'var(--chart-dot-fill)',
  fontSize: 12,
  /** One colour per line when a chart compares groups; told apart by hue and lightness. */
  series: [1, 2, 3, 4, 5, 6, 7, 8].map((n) => `var(--chart-series-${n})`),
} as const;

export function seriesColor(index: number): string {
  return chartTheme.series[index % chartTheme.series.length];
}
