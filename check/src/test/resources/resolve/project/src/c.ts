export * from "./a";
export const own = 1;
