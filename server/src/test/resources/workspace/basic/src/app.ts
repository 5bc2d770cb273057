import { formatDate as fmt } from "./util/index.js";
import { getUserName } from "./model";
export const today = fmt(new Date());
getUserName({ name: "b" });
