export { area } from "./shapes";
export { area as surface } from "./shapes";
export * from "./shapes";
export * as geometry from "./shapes";
