/** Roughly `count` evenly spaced days for the x axis, always including the first and last. */
export function pickDayTicks(points: readonly { day: string }[], count = 6): string[] {
  if (points.length <= count) return points.map((p) => p.day);
  const step = (points.length - 1) / (count - 1);
  const ticks = new Set<string>();
  for (let i = 0; i < count; i++) ticks.add(points[Math.round(i * step)].day);
  return [...ticks];
}
