import Store, { type User } from "./model.js";
import * as model from "./model";
import { nameOf, formatDate, models } from "./reexport";
import { helper } from "./helper";
import { fetchUsers } from "./types/api";

const store = new Store();
const user: User = { name: "a" };
nameOf(user);
formatDate(new Date());
model.getUserName(user);
models.MAX_USERS;
helper();
fetchUsers();
