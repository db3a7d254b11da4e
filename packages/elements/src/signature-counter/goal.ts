/**
 * `goal="auto"`: the next milestone above a count. With `goal-steps`, the smallest step strictly above the
 * count; past the last step (or without steps), the smallest "nice" number — 1, 2, 2.5 or 5 × 10ⁿ, at least
 * 100 — strictly above the count. The bar is then never full, and from 100 signatures on it is always between
 * 40 % and 100 % (323 832 → 500 000, 500 000 → 1 000 000, 1 000 000 → 2 000 000).
 */
export function autoGoal(count: number, steps: readonly number[] = []): number {
  for (const step of steps) if (step > count) return step;
  let magnitude = 100;
  while (magnitude * 10 <= count) magnitude *= 10;
  for (;;) {
    for (const multiple of [1, 2, 2.5, 5]) {
      const goal = multiple * magnitude;
      if (goal > count) return goal;
    }
    magnitude *= 10;
  }
}

/**
 * Parses `goal-steps` ("1000 5000 10000", commas allowed) into ascending positive integers; undefined when
 * any step is not one.
 */
export function parseGoalSteps(value: string): number[] | undefined {
  const steps = value
    .split(/[\s,]+/)
    .filter(Boolean)
    .map(Number);
  if (steps.length === 0 || !steps.every((step) => Number.isSafeInteger(step) && step > 0)) return undefined;
  return steps.sort((a, b) => a - b);
}
