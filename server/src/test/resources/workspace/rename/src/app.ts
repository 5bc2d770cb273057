import { area } from "./shapes";
import { area as size } from "./shapes";
import * as shapes from "./shapes";
import paint from "./shapes";

const result = { area };
area(2) + size(3) + shapes.area(4);
paint();
