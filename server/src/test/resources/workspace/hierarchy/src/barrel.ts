export { Base as Root } from './shapes';
