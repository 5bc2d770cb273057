import { area } from "./user";

area(5);
