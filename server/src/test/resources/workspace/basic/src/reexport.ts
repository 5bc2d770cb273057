export { getUserName as nameOf } from "./model";
export * from "./util";
export * as models from "./model.js";
