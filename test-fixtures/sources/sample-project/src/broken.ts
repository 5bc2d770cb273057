// This file has mistakes on purpose: arena-ls check reports each of them and keeps going.
export function applyCoupon(price: number, code: string): number {
  const percent = code === "HALF" ? 50 : 0
  return price * (1 - percent / 100;
}

let status: "open" | "closed" = "open";
const retries: number;

export const labels = {
  open: "Open",
  closed: "Closed",,
};

if (status === "open" {
  console.log(labels.open);
}
