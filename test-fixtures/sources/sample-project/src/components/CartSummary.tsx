// TSX: TypeScript with JSX.
import { describe, type Cart } from "../index.js";
import { Badges } from "./Badge.jsx";

interface Props {
  cart: Cart;
  onCheckout?: (cart: Cart) => void;
}

export function CartSummary({ cart, onCheckout }: Props) {
  const tags = Array.from(new Set(cart.items.flatMap((item) => item.tags ?? [])));
  return (
    <section aria-label="cart">
      <p>{describe(cart)}</p>
      <Badges tags={tags} />
      <button disabled={cart.items.length === 0} onClick={() => onCheckout?.(cart)}>
        Check out
      </button>
    </section>
  );
}

export default CartSummary;
