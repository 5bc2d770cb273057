export const a = 1;
export function helper() {}
const hidden = 2;
export type Shape = { kind: string };
export { hidden as renamed };
