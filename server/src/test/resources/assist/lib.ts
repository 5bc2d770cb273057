/**
 * Formats a price.
 * @param amount the amount in cents
 * @param currency an ISO 4217 code
 */
export function formatPrice(amount: number, currency = "EUR"): string {
  return `${amount / 100} ${currency}`;
}

export const VAT = 0.2;
