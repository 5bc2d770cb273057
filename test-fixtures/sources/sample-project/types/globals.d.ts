// Ambient declarations shared by the sample.
declare const __APP_VERSION__: string;

declare namespace Inventory {
  interface Item {
    readonly sku: string;
    name: string;
    priceCents: number;
    tags?: readonly string[];
  }

  type Filter = (item: Item) => boolean;
}

declare module "*.svg" {
  const url: string;
  export default url;
}
