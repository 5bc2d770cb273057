package dev.arenals.parser.tree;

import static dev.arenals.parser.tree.NodeKind.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arenals.parser.JsParser;
import dev.arenals.parser.ParseOptions;
import org.junit.jupiter.api.Test;

/**
 * Every accessor of {@link Layouts} on a parsed snippet: the first node of the kind (by start; the
 * outermost at a tie) is asked for the child, and the child's source text is compared ("-" for none).
 */
class LayoutsTest {
    private interface Accessor { int child(Arena a, int node); }

    /** Parses {@code src} as a .tsx file (TypeScript and JSX) and reads one accessor on the first node of {@code kind}. */
    private static String read(String src, int kind, Accessor accessor) { return read(src, kind, 0, accessor); }

    private static String read(String src, int kind, int nth, Accessor accessor) {
        Arena a = new Arena();
        new JsParser().parse(a, src, ParseOptions.forFileName("t.tsx"));
        int node = nth(a, kind, nth);
        assertTrue(node >= 0, NodeKind.name(kind) + " #" + nth + " in " + src);
        int c = accessor.child(a, node);
        return c < 0 ? "-" : a.text(a.start(c), a.end(c));
    }

    private static int nth(Arena a, int kind, int nth) {
        int[] found = new int[a.nodeCount()];
        int n = 0;
        for (int i = 0; i < a.nodeCount(); i++) if (a.kind(i) == kind) found[n++] = i;
        // postorder: sort by start, the outer (later) node first at the same start
        for (int i = 1; i < n; i++) {
            for (int j = i; j > 0 && (a.start(found[j]) < a.start(found[j - 1])
                    || (a.start(found[j]) == a.start(found[j - 1]) && found[j] > found[j - 1])); j--) {
                int t = found[j]; found[j] = found[j - 1]; found[j - 1] = t;
            }
        }
        return nth < n ? found[nth] : -1;
    }

    @Test
    void functions() {
        String f = "function f<T>(a: T, b = 1): T { return a; }";
        assertEquals("f", read(f, FUNCTION_DECLARATION, Layouts::functionName));
        assertEquals("<T>", read(f, FUNCTION_DECLARATION, Layouts::functionTypeParameters));
        assertEquals("(a: T, b = 1)", read(f, FUNCTION_DECLARATION, Layouts::functionParameters));
        assertEquals("T", read(f, FUNCTION_DECLARATION, Layouts::functionReturnType));
        assertEquals("{ return a; }", read(f, FUNCTION_DECLARATION, Layouts::functionBody));
        String overload = "function g(x: string): void;";
        assertEquals("g", read(overload, FUNCTION_DECLARATION, Layouts::functionName));
        assertEquals("void", read(overload, FUNCTION_DECLARATION, Layouts::functionReturnType));
        assertEquals("-", read(overload, FUNCTION_DECLARATION, Layouts::functionBody), "an overload has no body");
        String anonymous = "x = function (y) { };";
        assertEquals("-", read(anonymous, FUNCTION_EXPRESSION, Layouts::functionName));
        assertEquals("-", read(anonymous, FUNCTION_EXPRESSION, Layouts::functionTypeParameters));
        assertEquals("-", read(anonymous, FUNCTION_EXPRESSION, Layouts::functionReturnType));
        assertEquals("(y)", read(anonymous, FUNCTION_EXPRESSION, Layouts::functionParameters));
        String predicate = "function isS(x: unknown): x is string { return true; }";
        assertEquals("x is string", read(predicate, FUNCTION_DECLARATION, Layouts::functionReturnType));
    }

    @Test
    void arrows() {
        assertEquals("x + 1", read("f = x => x + 1;", ARROW_FUNCTION, Layouts::arrowBody));
        assertEquals("x", read("f = x => x + 1;", ARROW_FUNCTION, Layouts::functionParameters));
        assertEquals("-", read("f = x => x + 1;", ARROW_FUNCTION, Layouts::functionBody), "an expression body is not a FUNCTION_BODY");
        String typed = "f = <T,>(a: T): T => { return a; };";
        assertEquals("{ return a; }", read(typed, ARROW_FUNCTION, Layouts::arrowBody));
        assertEquals("{ return a; }", read(typed, ARROW_FUNCTION, Layouts::functionBody));
        assertEquals("T", read(typed, ARROW_FUNCTION, Layouts::functionReturnType));
        assertEquals("<T,>", read(typed, ARROW_FUNCTION, Layouts::functionTypeParameters));
        assertEquals("-", read(typed, ARROW_FUNCTION, Layouts::functionName));
    }

    @Test
    void parameters() {
        String src = "function f(a, b = 1, ...c, { d }, @dec readonly e?: number = 2, ...f: string[]) {}";
        assertEquals("a", read(src, BINDING_IDENTIFIER, 1, Layouts::parameterTarget), "a bare parameter is its own target");
        assertEquals("b", read(src, ASSIGNMENT_PATTERN, Layouts::parameterTarget));
        assertEquals("1", read(src, ASSIGNMENT_PATTERN, Layouts::parameterInitializer));
        assertEquals("-", read(src, ASSIGNMENT_PATTERN, Layouts::parameterType));
        assertEquals("c", read(src, REST_ELEMENT, Layouts::parameterTarget));
        assertEquals("{ d }", read(src, OBJECT_PATTERN, Layouts::parameterTarget));
        assertEquals("e", read(src, PARAMETER, 0, Layouts::parameterTarget), "after the decorator and modifiers");
        assertEquals("number", read(src, PARAMETER, 0, Layouts::parameterType));
        assertEquals("2", read(src, PARAMETER, 0, Layouts::parameterInitializer));
        assertEquals("f", read(src, PARAMETER, 1, Layouts::parameterTarget), "a typed rest parameter");
        assertEquals("string[]", read(src, PARAMETER, 1, Layouts::parameterType));
        assertEquals("-", read(src, PARAMETER, 1, Layouts::parameterInitializer));
        Arena a = new Arena();
        new JsParser().parse(a, src, ParseOptions.forFileName("t.ts"));
        int params = Layouts.functionParameters(a, nth(a, FUNCTION_DECLARATION, 0));
        StringBuilder rest = new StringBuilder();
        for (int p = a.firstChild(params); p >= 0; p = a.nextSibling(p)) rest.append(Layouts.isRestParameter(a, p) ? 'R' : '.');
        assertEquals("..R..R", rest.toString());
    }

    @Test
    void classes() {
        String src = "@sealed class C<T> extends Base<T> implements I { x = 1; }";
        assertEquals("C", read(src, CLASS_DECLARATION, Layouts::className), "after the decorator");
        assertEquals("<T>", read(src, CLASS_DECLARATION, Layouts::classTypeParameters));
        assertEquals("extends Base<T>", read(src, CLASS_DECLARATION, Layouts::classHeritage));
        assertEquals("Base", read(src, CLASS_DECLARATION, Layouts::classExtends));
        assertEquals("implements I", read(src, CLASS_DECLARATION, Layouts::classImplements));
        assertEquals("{ x = 1; }", read(src, CLASS_DECLARATION, Layouts::classBody));
        assertEquals("ns.T", read("let v: ns.T<U>;", TYPE_REFERENCE, 0, Layouts::typeReferenceName));
        String types = "function f(x: unknown): x is string { return true; } type M = typeof import('./m').T; let c = <A.B.C />;";
        assertEquals("x", read(types, TYPE_PREDICATE, Layouts::typePredicateSubject));
        assertEquals("'./m'", read(types, IMPORT_TYPE, Layouts::importTypeSource));
        assertEquals("A", read(types, JSX_MEMBER_EXPRESSION, 0, Layouts::jsxMemberRoot));
        String operands = "(a); b!; async () => await c; [...d]; -e; f++; g as T; h satisfies T; i<T>; import('./n'); import(j);";
        assertEquals("a", read(operands, PARENTHESIZED, Layouts::operand));
        assertEquals("b", read(operands, NON_NULL, Layouts::operand));
        assertEquals("c", read(operands, AWAIT, Layouts::operand));
        assertEquals("d", read(operands, SPREAD, Layouts::operand));
        assertEquals("e", read(operands, UNARY, Layouts::operand));
        assertEquals("f", read(operands, UPDATE, Layouts::operand));
        assertEquals("g", read(operands, AS_EXPRESSION, Layouts::operand));
        assertEquals("h", read(operands, SATISFIES_EXPRESSION, Layouts::operand));
        assertEquals("i", read(operands, INSTANTIATION_EXPRESSION, Layouts::operand));
        assertEquals("'./n'", read(operands, IMPORT_CALL, 0, Layouts::importCallSource));
        String elements = "const [{ a } = {}, ...[b]] = c;";
        assertEquals("{ a }", read(elements, ASSIGNMENT_PATTERN, Layouts::elementTarget));
        assertEquals("[b]", read(elements, REST_ELEMENT, Layouts::elementTarget));
        assertEquals("-", read(operands, IMPORT_CALL, 1, Layouts::importCallSource));
        String heritage = "class K implements ns.A<T>, B {} interface J extends C<U> {}";
        assertEquals("ns.A", read(heritage, EXPRESSION_WITH_TYPE_ARGUMENTS, 0, Layouts::heritageExpression), "without its type arguments");
        assertEquals("C", read(heritage, EXPRESSION_WITH_TYPE_ARGUMENTS, 2, Layouts::heritageExpression));
        assertEquals("B", read(heritage, IDENTIFIER_REFERENCE, 2, Layouts::heritageExpression), "an entry without type arguments is itself");
        String plain = "y = class { };";
        assertEquals("-", read(plain, CLASS_EXPRESSION, Layouts::className));
        assertEquals("-", read(plain, CLASS_EXPRESSION, Layouts::classHeritage));
        assertEquals("-", read(plain, CLASS_EXPRESSION, Layouts::classExtends));
        assertEquals("-", read(plain, CLASS_EXPRESSION, Layouts::classImplements));
        assertEquals("-", read(plain, CLASS_EXPRESSION, Layouts::classTypeParameters));
        assertEquals("{ }", read(plain, CLASS_EXPRESSION, Layouts::classBody));
    }

    @Test
    void classMembers() {
        String src = "class C { @log m(a) { } @inject readonly f: number = 2; #p; static [k] = 3; }";
        assertEquals("m", read(src, METHOD, Layouts::memberKey), "after the decorator");
        assertEquals("(a) { }", read(src, METHOD, Layouts::methodFunction));
        assertEquals("f", read(src, FIELD, 0, Layouts::memberKey));
        assertEquals("number", read(src, FIELD, 0, Layouts::fieldType));
        assertEquals("2", read(src, FIELD, 0, Layouts::fieldValue));
        assertEquals("#p", read(src, FIELD, 1, Layouts::memberKey));
        assertEquals("-", read(src, FIELD, 1, Layouts::fieldType));
        assertEquals("-", read(src, FIELD, 1, Layouts::fieldValue));
        assertEquals("k", read(src, FIELD, 2, Layouts::memberKey), "a computed key is its expression");
        assertEquals("3", read(src, FIELD, 2, Layouts::fieldValue));
        String sig = "interface I { p?: string; m<T>(x: T): void; }";
        assertEquals("p", read(sig, PROPERTY_SIGNATURE, Layouts::memberKey));
        assertEquals("string", read(sig, PROPERTY_SIGNATURE, Layouts::fieldType));
        assertEquals("m", read(sig, METHOD_SIGNATURE, Layouts::memberKey));
    }

    @Test
    void variables() {
        String src = "let a: number = 1, { b } = o, c;";
        assertEquals("a", read(src, VARIABLE_DECLARATOR, 0, Layouts::declaratorTarget));
        assertEquals("number", read(src, VARIABLE_DECLARATOR, 0, Layouts::declaratorType));
        assertEquals("1", read(src, VARIABLE_DECLARATOR, 0, Layouts::declaratorInit));
        assertEquals("{ b }", read(src, VARIABLE_DECLARATOR, 1, Layouts::declaratorTarget));
        assertEquals("-", read(src, VARIABLE_DECLARATOR, 1, Layouts::declaratorType));
        assertEquals("o", read(src, VARIABLE_DECLARATOR, 1, Layouts::declaratorInit));
        assertEquals("c", read(src, VARIABLE_DECLARATOR, 2, Layouts::declaratorTarget));
        assertEquals("-", read(src, VARIABLE_DECLARATOR, 2, Layouts::declaratorInit));
    }

    @Test
    void imports() {
        String src = "import d, { a as b, c, \"x y\" as z } from \"./m\" with { type: \"json\" }; import * as ns from 'n';";
        assertEquals("\"./m\"", read(src, IMPORT_DECLARATION, 0, Layouts::moduleSource));
        assertEquals("with { type: \"json\" }", read(src, IMPORT_DECLARATION, 0, Layouts::importAttributes));
        assertEquals("-", read(src, IMPORT_DECLARATION, 1, Layouts::importAttributes));
        assertEquals("d", read(src, IMPORT_DEFAULT_SPECIFIER, Layouts::importLocal));
        assertEquals("ns", read(src, IMPORT_NAMESPACE_SPECIFIER, Layouts::importLocal));
        assertEquals("a", read(src, IMPORT_SPECIFIER, 0, Layouts::importImported));
        assertEquals("b", read(src, IMPORT_SPECIFIER, 0, Layouts::importLocal));
        assertEquals("c", read(src, IMPORT_SPECIFIER, 1, Layouts::importImported));
        assertEquals("c", read(src, IMPORT_SPECIFIER, 1, Layouts::importLocal), "without `as` the local is the same name");
        assertEquals("\"x y\"", read(src, IMPORT_SPECIFIER, 2, Layouts::importImported));
        assertEquals("z", read(src, IMPORT_SPECIFIER, 2, Layouts::importLocal));
        String equals = "import fs = require(\"fs\"); import M = N.M;";
        assertEquals("require(\"fs\")", read(equals, IMPORT_EQUALS, 0, Layouts::importEqualsReference));
        assertEquals("\"fs\"", read(equals, EXTERNAL_MODULE_REFERENCE, Layouts::moduleSource));
        assertEquals("N.M", read(equals, IMPORT_EQUALS, 1, Layouts::importEqualsReference));
        assertEquals("fs", read(equals, IMPORT_EQUALS, 0, Layouts::importEqualsName));
        assertEquals("M", read("export import M = N.M;", IMPORT_EQUALS, Layouts::importEqualsName));
    }

    @Test
    void exports() {
        String src = "export { a as b, c } from \"./m\"; export { d }; export * as \"e f\" from \"./n\"; export const g = 1;"
                + " export default function h() {} @dec export class K {}";
        assertEquals("\"./m\"", read(src, EXPORT_NAMED, 0, Layouts::moduleSource));
        assertEquals("-", read(src, EXPORT_NAMED, 0, Layouts::exportedDeclaration));
        assertEquals("-", read(src, EXPORT_NAMED, 1, Layouts::moduleSource), "a local export has no source");
        assertEquals("\"./n\"", read(src, EXPORT_ALL, Layouts::moduleSource), "the source, not the exported string name");
        assertEquals("\"e f\"", read(src, EXPORT_ALL, Layouts::exportAllName));
        assertEquals("-", read("export * from './n';", EXPORT_ALL, Layouts::exportAllName));
        assertEquals("ns", read("export * as ns from './n';", EXPORT_ALL, Layouts::exportAllName));
        assertEquals("a", read(src, EXPORT_SPECIFIER, 0, Layouts::exportLocal));
        assertEquals("b", read(src, EXPORT_SPECIFIER, 0, Layouts::exportExported));
        assertEquals("c", read(src, EXPORT_SPECIFIER, 1, Layouts::exportLocal));
        assertEquals("c", read(src, EXPORT_SPECIFIER, 1, Layouts::exportExported));
        assertEquals("const g = 1;", read(src, EXPORT_NAMED, 2, Layouts::exportedDeclaration));
        assertEquals("function h() {}", read(src, EXPORT_DEFAULT, Layouts::exportedDeclaration));
        assertTrue(read(src, EXPORT_NAMED, 3, Layouts::exportedDeclaration).endsWith("class K {}"), "after the decorator");
        assertEquals("1 + 2", read("export default 1 + 2;", EXPORT_DEFAULT, Layouts::exportedDeclaration));
    }

    @Test
    void expressions() {
        String src = "o.p; o[k]; f<T>(1, 2); g(); new C(3); x = y; ({ a: 1, b, m() {} });";
        assertEquals("o", read(src, MEMBER, 0, Layouts::memberObject));
        assertEquals("p", read(src, MEMBER, 0, Layouts::memberProperty));
        assertEquals("k", read(src, MEMBER, 1, Layouts::memberProperty));
        assertEquals("A.B", read("let t: A.B.C;", QUALIFIED_NAME, 0, Layouts::memberObject), "a qualified name reads as a member");
        assertEquals("C", read("let t: A.B.C;", QUALIFIED_NAME, 0, Layouts::memberProperty));
        assertEquals("f", read(src, CALL, 0, Layouts::callCallee));
        assertEquals("<T>", read(src, CALL, 0, Layouts::callTypeArguments));
        assertEquals("1", read(src, CALL, 0, Layouts::callFirstArgument), "after the type arguments");
        assertEquals("-", read(src, CALL, 1, Layouts::callTypeArguments));
        assertEquals("-", read(src, CALL, 1, Layouts::callFirstArgument));
        assertEquals("C", read(src, NEW, Layouts::callCallee));
        assertEquals("3", read(src, NEW, Layouts::callFirstArgument));
        assertEquals("C<T>", read("new C<T>(4);", NEW, Layouts::callCallee), "new's type arguments are its callee's");
        assertEquals("4", read("new C<T>(4);", NEW, Layouts::callFirstArgument));
        assertEquals("x", read(src, ASSIGNMENT, Layouts::assignmentTarget));
        assertEquals("y", read(src, ASSIGNMENT, Layouts::assignmentValue));
        assertEquals("a", read(src, PROPERTY, 0, Layouts::propertyKey));
        assertEquals("1", read(src, PROPERTY, 0, Layouts::propertyValue));
        assertEquals("b", read(src, PROPERTY, 1, Layouts::propertyKey));
        assertEquals("b", read(src, PROPERTY, 1, Layouts::propertyValue), "a shorthand has both");
        assertEquals("m", read(src, PROPERTY, 2, Layouts::memberKey));
        assertEquals("() {}", read(src, PROPERTY, 2, Layouts::propertyValue));
    }

    @Test
    void typeScriptDeclarations() {
        String src = "interface I<T> extends J { a: T } type A = string; enum E { X = 1, Y } namespace N.M { } declare module \"m\";";
        assertEquals("I", read(src, INTERFACE_DECLARATION, Layouts::declarationName));
        assertEquals("{ a: T }", read(src, INTERFACE_DECLARATION, Layouts::interfaceBody));
        assertEquals("extends J", read(src, INTERFACE_DECLARATION, Layouts::interfaceHeritage));
        assertEquals("-", read("interface I { }", INTERFACE_DECLARATION, Layouts::interfaceHeritage));
        assertEquals("A", read(src, TYPE_ALIAS, Layouts::declarationName));
        assertEquals("string", read(src, TYPE_ALIAS, Layouts::aliasedType));
        assertEquals("{ a: T }", read("type A<T> = { a: T };", TYPE_ALIAS, Layouts::aliasedType));
        assertEquals("E", read(src, ENUM_DECLARATION, Layouts::declarationName));
        assertEquals("X", read(src, ENUM_MEMBER, 0, Layouts::memberKey));
        assertEquals("1", read(src, ENUM_MEMBER, 0, Layouts::enumMemberInitializer));
        assertEquals("-", read(src, ENUM_MEMBER, 1, Layouts::enumMemberInitializer));
        assertEquals("N.M", read(src, MODULE_DECLARATION, 0, Layouts::moduleName));
        assertEquals("{ }", read(src, MODULE_DECLARATION, 0, Layouts::moduleBody));
        assertEquals("\"m\"", read(src, MODULE_DECLARATION, 1, Layouts::moduleName));
        assertEquals("-", read(src, MODULE_DECLARATION, 1, Layouts::moduleBody));
        assertEquals("-", read(src, MODULE_DECLARATION, 0, Layouts::declarationName), "a dotted name is no BINDING_IDENTIFIER");
        assertEquals("N", read("namespace N { }", MODULE_DECLARATION, Layouts::declarationName));
        assertEquals("C", read("@d class C { }", CLASS_DECLARATION, Layouts::declarationName));
        assertEquals("f", read("function f() {}", FUNCTION_DECLARATION, Layouts::declarationName));
        assertEquals("-", read("export default function () {}", FUNCTION_DECLARATION, Layouts::declarationName));
    }

    @Test
    void statements() {
        String src = "if (a) b; else c; if (d) e; for (;;) f; for (x of o) g; while (h) i; do j; while (k); with (o) l;"
                + " switch (m) { case 1: n; } switch (m2) {} try { p } catch ({ e }) { q } finally { r } try { } catch { s } try { t } finally { u }";
        assertEquals("a", read(src, IF, 0, Layouts::ifTest));
        assertEquals("b;", read(src, IF, 0, Layouts::ifConsequent));
        assertEquals("c;", read(src, IF, 0, Layouts::ifAlternate));
        assertEquals("-", read(src, IF, 1, Layouts::ifAlternate));
        assertEquals("f;", read(src, FOR, Layouts::statementBody));
        assertEquals("g;", read(src, FOR_OF, Layouts::statementBody));
        assertEquals("i;", read(src, WHILE, Layouts::statementBody));
        assertEquals("j;", read(src, DO_WHILE, Layouts::statementBody), "do's body comes before its test");
        assertEquals("l;", read(src, WITH, Layouts::statementBody));
        assertEquals("m", read(src, SWITCH, 0, Layouts::switchDiscriminant));
        assertEquals("case 1: n;", read(src, SWITCH, 0, Layouts::switchFirstCase));
        assertEquals("-", read(src, SWITCH, 1, Layouts::switchFirstCase));
        assertEquals("{ p }", read(src, TRY, 0, Layouts::tryBlock));
        assertEquals("catch ({ e }) { q }", read(src, TRY, 0, Layouts::tryHandler));
        assertEquals("{ r }", read(src, TRY, 0, Layouts::tryFinalizer));
        assertEquals("-", read(src, TRY, 1, Layouts::tryFinalizer));
        assertEquals("-", read(src, TRY, 2, Layouts::tryHandler));
        assertEquals("{ u }", read(src, TRY, 2, Layouts::tryFinalizer));
        assertEquals("{ e }", read(src, CATCH_CLAUSE, 0, Layouts::catchParameter));
        assertEquals("{ q }", read(src, CATCH_CLAUSE, 0, Layouts::catchBody));
        String expressions = "f(x); function g() { return a + b; return; } export = h;";
        assertEquals("f(x)", read(expressions, EXPRESSION_STATEMENT, Layouts::statementExpression));
        assertEquals("a + b", read(expressions, RETURN, 0, Layouts::statementExpression));
        assertEquals("-", read(expressions, RETURN, 1, Layouts::statementExpression));
        assertEquals("h", read(expressions, EXPORT_ASSIGNMENT, Layouts::statementExpression));
        assertEquals("-", read(src, CATCH_CLAUSE, 1, Layouts::catchParameter));
        assertEquals("{ s }", read(src, CATCH_CLAUSE, 1, Layouts::catchBody));
        assertEquals("outer", read("outer: for (;;) break outer;", LABELED, Layouts::labeledLabel));
        assertEquals("for (;;) break outer;", read("outer: for (;;) break outer;", LABELED, Layouts::labeledBody));
    }

    @Test
    void jsx() {
        String src = "x = <a.b href=\"u\" disabled>t</a.b>; y = <br/>;";
        assertEquals("<a.b href=\"u\" disabled>", read(src, JSX_ELEMENT, 0, Layouts::jsxOpeningElement));
        assertEquals("</a.b>", read(src, JSX_ELEMENT, 0, Layouts::jsxClosingElement));
        assertEquals("a.b", read(src, JSX_OPENING_ELEMENT, 0, Layouts::jsxTagName));
        assertEquals("a.b", read(src, JSX_CLOSING_ELEMENT, 0, Layouts::jsxTagName));
        assertEquals("-", read(src, JSX_ELEMENT, 1, Layouts::jsxClosingElement), "self-closing");
        assertEquals("href", read(src, JSX_ATTRIBUTE, 0, Layouts::jsxAttributeName));
        assertEquals("\"u\"", read(src, JSX_ATTRIBUTE, 0, Layouts::jsxAttributeValue));
        assertEquals("disabled", read(src, JSX_ATTRIBUTE, 1, Layouts::jsxAttributeName));
        assertEquals("-", read(src, JSX_ATTRIBUTE, 1, Layouts::jsxAttributeValue));
    }

    /** Recovery leaves children out; accessors answer -1 rather than a wrong child or an exception. */
    @Test
    void brokenCodeGivesNoneNotAWrongChild() {
        assertEquals("-", read("function (", FUNCTION_DECLARATION, Layouts::functionName));
        assertEquals("-", read("class extends {", CLASS_DECLARATION, Layouts::className));
        assertEquals("[a, = 1", read("let [a, = 1;", VARIABLE_DECLARATOR, Layouts::declaratorTarget), "the broken pattern, not its parts");
        assertEquals("-", read("let [a, = 1;", VARIABLE_DECLARATOR, Layouts::declaratorInit));
        assertEquals("-", read("import {} from;", IMPORT_DECLARATION, Layouts::moduleSource));
    }
}
