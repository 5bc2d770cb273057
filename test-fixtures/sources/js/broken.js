// A file with syntax errors: the parser reports each and keeps going.
function ok(a, b) {
  return a + b;
}

let x = (1 + ;
const y;
if (x { console.log(x) }
class C { method() { return 1 } field = }
var z = [1, 2, 3;
ok(1, 2);
