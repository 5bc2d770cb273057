// Plain JavaScript, CommonJS-free: formats integer cents as a price.
const formatter = new Intl.NumberFormat("en-GB", { style: "currency", currency: "EUR" });

/**
 * @param {number} cents
 * @returns {string}
 */
export function formatPrice(cents) {
  if (!Number.isFinite(cents)) throw new RangeError(`not a price: ${cents}`);
  return formatter.format(cents / 100);
}

export const plural = (n, word) => `${n} ${word}${n === 1 ? "" : "s"}`;
