export function area(r: number): number {
  return r * r;
}

export const unit = 1;

export default function draw() {}
