# The misses of a CornersFuzzer replay (-Dcorners.missedProgramsLog=FILE, one program a line), counted by named shape
# (docs/conformance.md, fifteenth session). The patterns look at the program's text only: a name is a good guess, not a
# proof, and every group's reason is in the docs.
#   python3 test-fixtures/corners/missed-groups.py MISSED_LOG [show]     (show: examples of the unnamed ones)
import sys, re, json, collections
RULES = [
    # (name, applies to ts files?, js files?, regex on text, optional message regex)
    ('import-source (source phase imports, JS: ours on purpose)', False, True, r'import\s+source\b', None),
    ('async-type-arguments-in-js (TypeScript reads `async <T>(x)` as a generic arrow in JS files)', False, True, r'async\s*<', None),
    ('lt-slash-token (`</` one token to TypeScript in files with JSX: `a <//c`)', True, True, r'<\s*//|<\s*/\*', None),
    ('jsx-element-then-lt (JSX files: a `<` after an element opens another to TypeScript)', False, True, r'(/\s*>|</[\w.:$ ]*>)\s*<', None),
    ('await-yield-operator-before-word (sloppy JS: TypeScript reads `await in x`, `yield of x` as operators)', False, True, r'\b(await|yield)\s+(in|of|instanceof)\b', None),
    # (TypeScript files follow TypeScript since the sixteenth session: a script stays a script, TS1375)
    ('top-level-await-in-a-script (JS: no import/export, TypeScript never reparses, a nested `await` before no word is a name)', False, True, r'\bawait\s*(\n\s*)?(await|\{|<|\*\*|\(|\[)', None),
    # (seventeenth session: every TypeScript-file group below was minimised and traced to the function of TypeScript's parser named)
    ('class-extends-implements-keyword (`class a extends implements() {}`: isHeritageClauseExtendsOrImplementsKeyword ends the extends list before what starts an expression; followed for classes since the eighteenth session)', True, False, r'extends\s+implements\s*[(<]', None),
    ('heritage-type-argument-await (`export class b implements d<await.b> {}`: TS1109 at the `.`; not traced)', True, False, r'implements[^{]*<[^>{]*\bawait\s*\.', None),
    ('type-arguments-kept-with-errors (`f<readonly <undefined>>(x)`: parseTypeArgumentsInExpression keeps a list with errors when `>` and a token that may follow come)', True, False, r'<\s*readonly\s*<', None),
    ('export-assignment-class-implements-await (`export = class implements await {…}`: parseExportAssignment\'s await context reads `await {…}`)', True, False, r'export\s*=\s*class[^{]*implements\s+await\b', None),
    ('export-expression-arrow-head (.d.ts `export default (protected await) => x`: no identifier `await` in parseExportAssignment\'s await context; followed since the eighteenth session)', True, False, r'export\s+default\s*\([^)]*\bawait\b', None, ('d.ts',)),
    ('reparse-appends-eaten-statements (reparseTopLevelAwait appends the first parse\'s statements, and errors, that a reparsed statement ran past; TypeScript\'s own await-context reading of these programs accepts them or errs elsewhere: a known TypeScript bug, microsoft/TypeScript#59777, its fix #59788 open: not followed, the named exception)', True, False, r'\bawait\b', None, ('mts', 'cts')),
    ('reparse-appends-eaten-statements (reparseTopLevelAwait appends the first parse\'s statements, and errors, that a reparsed statement ran past; TypeScript\'s own await-context reading of these programs accepts them or errs elsewhere: a known TypeScript bug, microsoft/TypeScript#59777, its fix #59788 open: not followed, the named exception)', True, False, r'(?s)^(?=.*\b(import|export)\b).*\bawait\s*(<(?!<)|\{|!)', None),
    ('decorated-class-in-heritage (JS: ECMAScript ClassExpression takes decorators)', False, True, r'extends\s*@', None),
    ('optional-chain-private-name (JS: ECMAScript\'s OptionalChain takes a private name, TypeScript\'s parser says TS18030)', False, True, r'\?\.', r'optional chain cannot contain private'),
    ('heritage-empty-object-literal-call (JS: `class extends {}(){}`)', False, True, r'extends\s*\{\s*\}\s*\(', None),
    ('async-arrow-head-forms (JS: `async let =>`, `async (...async x => {})`)', False, True, r'async\s*(let\s*=>|\(\s*\.\.\.)', None),
    ('await-in-heritage-reparse (`implements await`: TypeScript\'s reparse for top-level await reuses the heritage list its first parse read; not modelled)', True, False, r'implements\s+await\b', None),
    ('typed-arrow-with-type-parameter-errors (`< keyof A extends B ? (x, {}) => T : U > y`: parseParenthesizedArrowFunctionExpression keeps a type-parameter list\'s errors; not modelled)', True, False, r'^\s*(let \w+ =\s*)?<\s*(keyof\b|\w+\s+extends\b)', None),
    ('x-shift-lt-deep-recovery (`X << Y < Z >`: abortParsingListOrMoveToNextToken asks every open list; with type arguments open every inner list ends, followed since the nineteenth session)', True, False, r'<<|\[\]\s*<\s*\(', None),
]
def classify(ext, text, msg):
    ts = ext in ('ts', 'tsx', 'mts', 'cts', 'd.ts')
    for rule in RULES:
        name, onts, onjs, rx, mrx = rule[:5]
        if len(rule) > 5 and ext not in rule[5]: continue
        if (ts and onts) or (not ts and onjs):
            if re.search(rx, text) and (mrx is None or re.search(mrx, msg)):
                return name
    return ("other-ts: " if ts else "other-js: ") + msg
c = collections.Counter(); ex = {}
for line in open(sys.argv[1]):
    m = re.match(r'(\S+) "(.*?)" p\.(\S+) (".*")\s*$', line.rstrip('\n'))
    if not m: continue
    text = json.loads(m.group(4)); g = classify(m.group(3), text, m.group(2))
    g = g + ('' if g.startswith('other') else (' [ts]' if m.group(3) in ('ts','tsx','mts','cts','d.ts') else ' [js]'))
    c[g] += 1; ex.setdefault(g, []).append(m.group(3) + ' ' + json.dumps(text)[:160])
for g, n in c.most_common():
    print(f'{n:4d}  {g}')
    if len(sys.argv) > 2 and g.startswith('other'):
        for e in ex[g][:4]: print('        ', e)
