import { VAT } from "./lib";
import { formatPrice } from "./lib";

export function total(items: number[]): string {
  const label = formatPrice(items.length, "USD");
  return formatPrice(1999) + items.join();
}
