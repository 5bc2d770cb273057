export * from "not-installed-pkg";
export const dd = 1;
