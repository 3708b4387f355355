/**
 * The privacy guard: a number computed over a group of people is shown only when the group
 * has at least `minGroupSize` people. Everything that leaves the API about people goes through here.
 */
export function suppress(count: number, minGroupSize: number): number | null {
  return count >= minGroupSize ? count : null;
}

/** A value derived from a group (a mean, a rate): shown only when the group is large enough. */
export function suppressValue<T>(value: T, groupSize: number, minGroupSize: number): T | null {
  return groupSize >= minGroupSize ? value : null;
}
