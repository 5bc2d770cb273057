export = { f: 1 };
