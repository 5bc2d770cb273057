import { Geometry, Shapes } from "./geo";
import * as geo from "./geo";

Geometry.distance(1, 2);
Shapes.area(3, 4);
geo.Geometry.Inner.deep("x");
