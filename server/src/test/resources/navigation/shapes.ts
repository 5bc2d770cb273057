// A TypeScript fixture for navigation tests: merged declarations, enums, namespaces, generics,
// classes with private names, imports and exports.
import { render as draw } from "./canvas";

export interface Shape {
  area(): number;
}
export interface Shape {
  name: string;
}

export enum Kind {
  Circle,
  Square = Circle + 1,
}

namespace Geometry {
  export const unit = 1;
  export function scale(n: number): number {
    return n * unit;
  }
}

class Circle implements Shape {
  #radius: number;
  name = "circle";
  constructor(radius: number) {
    this.#radius = radius;
  }
  area(): number {
    return Math.PI * this.#radius * this.#radius * Geometry.unit;
  }
}

function largest<T extends Shape>(shapes: T[]): T | undefined {
  let best: T | undefined;
  for (const shape of shapes) {
    if (!best || shape.area() > best.area()) best = shape;
  }
  return best;
}

const kind: Kind = Kind.Square;
const circle: Shape = new Circle(Geometry.scale(2));
draw(largest([circle]), kind);
export { Circle, largest };
