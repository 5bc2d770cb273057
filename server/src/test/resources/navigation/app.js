// A JavaScript fixture for navigation tests: shorthand properties, destructuring, labels, classes.
import { format } from "./format.js";

const settings = { verbose: false, depth: 2 };

function describe(value, depth = settings.depth) {
  const { verbose } = settings;
  const parts = [];
  outer: for (const key of Object.keys(value)) {
    for (let i = 0; i < depth; i++) {
      if (key.startsWith("_")) continue outer;
    }
    parts.push({ key, verbose });
  }
  return format(parts);
}

class Counter {
  count = 0;
  increment() {
    this.count++;
    return this.count;
  }
}

export { describe, Counter };
