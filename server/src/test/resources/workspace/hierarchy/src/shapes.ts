export interface Shape { area(): number; name: string }
export interface Solid extends Shape { volume(): number }
export abstract class Base implements Shape {
  abstract area(): number;
  name = "base";
  describe() { return this.area(); }
}
