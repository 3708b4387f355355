/** `x` rounded to `digits` decimals (2 by default), halves up as Math.round rounds them. */
export function round(x: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
