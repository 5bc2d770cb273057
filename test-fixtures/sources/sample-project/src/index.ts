import { formatPrice } from "./util/format.js";
import { sum, clamp } from "./util/math.mjs";

export interface Cart {
  items: Inventory.Item[];
  discountPercent?: number;
}

export function total(cart: Cart): number {
  const subtotal = sum(cart.items.map((item) => item.priceCents));
  const discount = clamp(cart.discountPercent ?? 0, 0, 100);
  return Math.round(subtotal * (1 - discount / 100));
}

export function describe(cart: Cart): string {
  const count = cart.items.length;
  return `${count} item${count === 1 ? "" : "s"}, ${formatPrice(total(cart))} (v${__APP_VERSION__})`;
}

export const byTag =
  (tag: string): Inventory.Filter =>
  (item) => item.tags?.includes(tag) ?? false;

export class Inventory2 {
  readonly #items = new Map<string, Inventory.Item>();

  add(item: Inventory.Item): this {
    this.#items.set(item.sku, item);
    return this;
  }

  find(filter: Inventory.Filter): Inventory.Item[] {
    return [...this.#items.values()].filter(filter);
  }
}
