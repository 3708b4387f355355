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
} as const;
