// Colours for SVG attributes: Recharts writes them as presentation attributes, where CSS
// variables are not dependable, so the palette lives here and mirrors styles/tokens.css.
export const chartTheme = {
  primary: '#2563eb',
  secondary: '#0d9488',
  target: '#94a3b8',
  danger: '#dc2626',
  grid: '#e5e7eb',
  axis: '#6b7280',
  fontSize: 12,
  /** One colour per line when a chart compares groups; told apart by hue and lightness. */
  series: ['#2563eb', '#0d9488', '#d97706', '#7c3aed', '#db2777', '#0891b2', '#65a30d', '#475569'],
} as const;

export function seriesColor(index: number): string {
  return chartTheme.series[index % chartTheme.series.length];
}
