// An ES module (.mjs is always a module).
export const sum = (values) => values.reduce((acc, v) => acc + v, 0);

export function clamp(value, low, high) {
  return Math.min(high, Math.max(low, value));
}

export function* range(start, end, step = 1) {
  for (let i = start; i < end; i += step) yield i;
}

export const average = (values) => (values.length === 0 ? NaN : sum(values) / values.length);
