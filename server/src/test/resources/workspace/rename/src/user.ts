import { area, surface, geometry } from "./barrel";
import { useState } from "react";

area(1) + surface(2) + geometry.area(3);
useState();
export { area };
