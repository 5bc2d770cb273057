export namespace Geometry {
  /** The distance between two points on a line. */
  export function distance(a: number, b: number): number { return Math.abs(a - b); }
  export namespace Inner { export function deep(label: string) { return label; } }
}

export class Shapes {
  static area(width: number, height: number) { return width * height; }
}
