import { Root } from './barrel';
class Circle extends Root { area() { return 5; } }
