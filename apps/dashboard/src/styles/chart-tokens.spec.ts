import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * The chart colours of both schemes (styles/base.css) against the surfaces they are drawn on: every
 * line, bar, band and swatch that carries meaning needs 3:1 (WCAG 1.4.11, non-text contrast). axe-core
 * in the browser specs checks text only, so this is where a pale series would be caught.
 */
const CSS = fs.readFileSync(path.join(__dirname, 'base.css'), 'utf8');

/** The custom properties of the first `:root { … }` after `from` (the light tokens; the dark ones in their media block). */
function tokens(from: number): Map<string, string> {
  const start = CSS.indexOf(':root', from);
  const body = CSS.slice(CSS.indexOf('{', start) + 1, CSS.indexOf('}', start));
  return new Map([...body.matchAll(/(--[\w-]+):\s*([^;]+);/g)].map((m) => [m[1], m[2].trim()]));
}

function luminance(hex: string): number {
  const m = /^#([0-9a-f]{6})$/i.exec(hex);
  if (!m) throw new Error(`not a #rrggbb colour: ${hex}`);
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(m[1].slice(i, i + 2), 16) / 255).map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

const MEANINGFUL = /^--(chart-(primary|secondary|target|danger|series-\d|churn-left)|persona-[\w]+|purpose-[\w]+)$/;
const SCHEMES = { light: tokens(0), dark: tokens(CSS.indexOf('prefers-color-scheme: dark')) };

describe('chart colours', () => {
  it('computes WCAG contrast as the standard defines it', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
    expect(contrast('#ffffff', '#ffffff')).toBe(1);
  });

  it.each(Object.keys(SCHEMES) as (keyof typeof SCHEMES)[])('%s scheme: every meaningful chart colour has 3:1 against the page and the panels', (scheme) => {
    const t = SCHEMES[scheme];
    const colours = [...t].filter(([name]) => MEANINGFUL.test(name));
    // the palettes the charts name are all defined in this scheme
    for (const family of ['--persona-', '--purpose-', '--chart-series-']) expect(colours.filter(([n]) => n.startsWith(family)).length).toBeGreaterThanOrEqual(5);
    const low = colours.flatMap(([name, value]) =>
      (['--bg', '--surface'] as const).map((under) => ({ name, under, ratio: Math.round(contrast(value, t.get(under)!) * 100) / 100 })).filter((c) => c.ratio < 3),
    );
    expect(low).toEqual([]);
  });

  it.each(Object.keys(SCHEMES) as (keyof typeof SCHEMES)[])('%s scheme: the personas stacked in one bar are different colours', (scheme) => {
    const personas = [...SCHEMES[scheme]].filter(([n]) => n.startsWith('--persona-')).map(([, v]) => v.toLowerCase());
    expect(new Set(personas).size).toBe(personas.length);
  });
});
