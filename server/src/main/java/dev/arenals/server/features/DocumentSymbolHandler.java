package dev.arenals.server.features;

import static dev.arenals.parser.tree.NodeKind.*;

import dev.arenals.parser.lexer.LiteralValues;
import dev.arenals.parser.lexer.Token;
import dev.arenals.parser.tree.Arena;
import dev.arenals.parser.tree.Layouts;
import dev.arenals.parser.tree.Node;
import dev.arenals.server.document.Document;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.SymbolInformation;
import org.eclipse.lsp4j.SymbolKind;

/**
 * The outline: hierarchical {@link DocumentSymbol}s, or flat {@link SymbolInformation}s (with
 * container names) for clients without {@code hierarchicalDocumentSymbolSupport}.
 *
 * <p>What is outlined:
 * <ul>
 *   <li>functions (declarations, and variables initialised with a function or arrow), with the
 *       declarations inside their bodies as children;</li>
 *   <li>classes (declarations and class-valued variables) and their members: constructor, methods,
 *       getters/setters (Property), fields (Field, or Method when function-valued);</li>
 *   <li>variables ({@code var/let} → Variable, {@code const/using} → Constant), at the top level
 *       and inside functions as TypeScript's navigation tree has them, one symbol per name,
 *       destructured names included;</li>
 *   <li>the members of object literals assigned to variables, exported ({@code export default
 *       {…}}, {@code module.exports = {…}}) or nested in such members;</li>
 *   <li>{@code export default} functions, classes and objects (named {@code default} when
 *       anonymous), and top-level assignments of functions/classes/objects to {@code module.exports},
 *       {@code exports.x} or {@code X.prototype.y}.</li>
 * </ul>
 *
 * Declarations nested in blocks, {@code if}, loops, {@code try} and {@code switch} are found
 * (loop heads are not). TypeScript's declarations (interfaces, enums, namespaces, type aliases)
 * slot into {@link #statement}'s switch when the parser produces them.
 *
 * <p>{@code range} is the declaration's span ({@code export} included; the declarator for
 * variables; a type member's {@code ;} or {@code ,} included), {@code selectionRange} its name;
 * every selectionRange lies inside its range. Judged against TypeScript's navigation tree by
 * {@code benchmarks/peer/structure-vs-typescript.mjs}.
 */
public final class DocumentSymbolHandler {
    /** Object literals and expressions nested deeper than this are not searched (a bound on the walk's recursion). */
    private static final int MAX_NESTING = 64;
    private static final int MAX_DETAIL = 60;
    /** TypeScript's limit on a callback's name (navigationBar's maxLength). */
    private static final int MAX_CALLBACK_NAME = 150;

    /** Must run on the document's queue, after {@link Document#ensureParsed}. */
    public List<DocumentSymbol> documentSymbols(Document doc) {
        Arena arena = doc.arena();
        if (arena == null || arena.root() < 0) return new ArrayList<>();
        Outline outline = new Outline(doc);
        List<DocumentSymbol> out = new ArrayList<>();
        outline.statements(arena.rootNode(), out, true);
        return out;
    }

    /** The same outline, flattened, each symbol naming its parent as container. */
    public List<SymbolInformation> symbolInformation(Document doc) {
        List<SymbolInformation> out = new ArrayList<>();
        flatten(doc.uri(), documentSymbols(doc), null, out);
        return out;
    }

    @SuppressWarnings("deprecation")
    private static void flatten(String uri, List<DocumentSymbol> symbols, String container, List<SymbolInformation> out) {
        for (DocumentSymbol s : symbols) {
            SymbolInformation info = new SymbolInformation(s.getName(), s.getKind(), new Location(uri, s.getRange()), container);
            out.add(info);
            if (s.getChildren() != null && !s.getChildren().isEmpty()) flatten(uri, s.getChildren(), s.getName(), out);
        }
    }

    /** One walk over one tree. */
    private static final class Outline {
        private final Document doc;
        private final Arena a;

        Outline(Document doc) {
            this.doc = doc;
            this.a = doc.arena();
        }

        /** A view of a child found through {@link Layouts}, or null for -1. */
        private Node view(int node) { return node < 0 ? null : a.node(node); }

        /** The statements that are children of {@code parent}. {@code top}: module/script level. */
        void statements(Node parent, List<DocumentSymbol> out, boolean top) {
            for (Node s = parent.firstChild(); s != null; s = s.nextSibling()) statement(s, out, top, false);
        }

        void statement(Node s, List<DocumentSymbol> out, boolean top, boolean exported) {
            switch (s.kind()) {
                case FUNCTION_DECLARATION:
                    function(s, view(Layouts.functionName(a, s.index())), exported ? "default" : "<function>", s, out);
                    break;
                case CLASS_DECLARATION:
                    classSymbol(s, view(Layouts.className(a, s.index())), exported ? "default" : "<class>", s, out);
                    break;
                case VARIABLE_DECLARATION: {
                    int declKind = s.data() & 0xFF; // without `declare` and the other modifiers
                    for (Node d = s.firstChild(); d != null; d = d.nextSibling()) {
                        if (d.is(VARIABLE_DECLARATOR)) declarator(d, declKind, top, exported, out);
                    }
                    break;
                }
                case EXPORT_NAMED: {
                    Node decl = view(Layouts.exportedDeclaration(a, s.index()));
                    if (decl == null || !isDeclaration(decl.kind())) break;
                    int before = out.size();
                    statement(decl, out, top, true);
                    // `export` is a modifier of the declaration in TypeScript's outline: its range starts there
                    // (a variable's symbol ranges over its declarator, as there)
                    if (!decl.is(VARIABLE_DECLARATION)) {
                        for (int i = before; i < out.size(); i++) {
                            out.get(i).setRange(new Range(doc.positionAt(s.start()), out.get(i).getRange().getEnd()));
                        }
                    }
                    break;
                }
                case EXPORT_DEFAULT:
                    exportDefault(s, out);
                    break;
                case EXPRESSION_STATEMENT: {
                    Node e = view(Layouts.statementExpression(a, s.index()));
                    if (top && assignment(e, out)) break;
                    if (e != null) expressionChildren(e, out, 0); // `test("x", () => …)`: the callback
                    break;
                }
                case RETURN: {
                    Node argument = s.firstChild();
                    if (argument != null) expressionChildren(argument, out, 0);
                    break;
                }
                case FOR: case FOR_IN: case FOR_OF: case WHILE: case DO_WHILE: case WITH: case LABELED: {
                    // a loop's own variables (`for (const x of xs)`), as TypeScript outlines them
                    Node head = s.is(FOR) || s.is(FOR_IN) || s.is(FOR_OF) ? s.firstChild() : null;
                    if (head != null && head.is(VARIABLE_DECLARATION) && (!s.is(FOR) || (s.data() & 1) != 0)) statement(head, out, top, false);
                    Node body = view(Layouts.statementBody(a, s.index()));
                    if (body != null) statement(body, out, top, false);
                    break;
                }
                case IF: {
                    Node consequent = view(Layouts.ifConsequent(a, s.index()));
                    Node alternate = view(Layouts.ifAlternate(a, s.index()));
                    if (consequent != null) statement(consequent, out, top, false);
                    if (alternate != null) statement(alternate, out, top, false);
                    break;
                }
                case BLOCK: case TRY: case SWITCH_CASE: case STATIC_BLOCK:
                    for (Node c = s.firstChild(); c != null; c = c.nextSibling()) statement(c, out, top, false);
                    break;
                case SWITCH: {
                    for (Node c = view(Layouts.switchFirstCase(a, s.index())); c != null; c = c.nextSibling()) statement(c, out, top, false);
                    break;
                }
                case CATCH_CLAUSE: {
                    Node parameter = view(Layouts.catchParameter(a, s.index()));
                    if (parameter != null) bindings(parameter, parameter, SymbolKind.Variable, out); // `catch (err)`: a var in TypeScript's outline
                    Node body = view(Layouts.catchBody(a, s.index()));
                    if (body != null) statement(body, out, top, false);
                    break;
                }
                case INTERFACE_DECLARATION: {
                    Node name = view(Layouts.declarationName(a, s.index()));
                    DocumentSymbol sym = symbol(name != null ? name.name() : "<interface>", SymbolKind.Interface, s, name);
                    Node body = view(Layouts.interfaceBody(a, s.index()));
                    List<DocumentSymbol> members = new ArrayList<>();
                    if (body != null) for (Node m = body.firstChild(); m != null; m = m.nextSibling()) signature(m, members);
                    if (!members.isEmpty()) sym.setChildren(members);
                    out.add(sym);
                    break;
                }
                case TYPE_ALIAS: {
                    Node name = view(Layouts.declarationName(a, s.index()));
                    out.add(symbol(name != null ? name.name() : "<type>", SymbolKind.TypeParameter, s, name));
                    break;
                }
                case ENUM_DECLARATION: {
                    Node name = view(Layouts.declarationName(a, s.index()));
                    DocumentSymbol sym = symbol(name != null ? name.name() : "<enum>", SymbolKind.Enum, s, name);
                    List<DocumentSymbol> members = new ArrayList<>();
                    for (Node m = s.firstChild(); m != null; m = m.nextSibling()) {
                        Node key = m.is(ENUM_MEMBER) ? view(Layouts.memberKey(a, m.index())) : null;
                        if (key != null) members.add(symbol(keyName(key, 0), SymbolKind.EnumMember, m, key));
                    }
                    if (!members.isEmpty()) sym.setChildren(members);
                    out.add(sym);
                    break;
                }
                case MODULE_DECLARATION: {
                    Node name = view(Layouts.moduleName(a, s.index()));
                    Node nameNode = name;
                    while (nameNode != null && nameNode.is(QUALIFIED_NAME)) nameNode = view(Layouts.memberObject(a, nameNode.index()));
                    String label = name == null ? "<namespace>" : name.is(STRING_LITERAL) ? name.text() : Trees.oneLine(name, MAX_DETAIL);
                    DocumentSymbol sym = symbol(label, name != null && name.is(STRING_LITERAL) ? SymbolKind.Module : SymbolKind.Namespace, s, nameNode);
                    Node block = view(Layouts.moduleBody(a, s.index()));
                    List<DocumentSymbol> children = new ArrayList<>();
                    if (block != null) statements(block, children, true);
                    if (!children.isEmpty()) sym.setChildren(children);
                    out.add(sym);
                    break;
                }
                default:
                    break;
            }
        }

        private static boolean isDeclaration(int k) {
            return k == FUNCTION_DECLARATION || k == CLASS_DECLARATION || k == VARIABLE_DECLARATION
                    || k == INTERFACE_DECLARATION || k == TYPE_ALIAS || k == ENUM_DECLARATION || k == MODULE_DECLARATION;
        }

        /** A member of an interface or type literal, ranged over the {@code ;} or {@code ,} after it as TypeScript's is. */
        private void signature(Node m, List<DocumentSymbol> out) {
            int before = out.size();
            signatureSymbol(m, out);
            int end = m.end();
            char[] src = a.source();
            if (out.size() > before && end < a.sourceLength() && (src[end] == ';' || src[end] == ',')) {
                DocumentSymbol sym = out.get(before);
                sym.setRange(new Range(sym.getRange().getStart(), doc.positionAt(end + 1)));
            }
        }

        private void signatureSymbol(Node m, List<DocumentSymbol> out) {
            Node key = view(Layouts.memberKey(a, m.index()));
            switch (m.kind()) {
                case PROPERTY_SIGNATURE:
                    if (key != null) out.add(symbol(keyName(key, m.data()), SymbolKind.Property, m, key));
                    break;
                case METHOD_SIGNATURE:
                    if (key != null) {
                        DocumentSymbol sym = symbol(keyName(key, m.data()), SymbolKind.Method, m, key);
                        sym.setDetail(parameters(m));
                        out.add(sym);
                    }
                    break;
                case CALL_SIGNATURE:
                    out.add(symbol("()", SymbolKind.Method, m, null));
                    break;
                case CONSTRUCT_SIGNATURE:
                    out.add(symbol("new()", SymbolKind.Constructor, m, null));
                    break;
                case INDEX_SIGNATURE:
                    out.add(symbol("[index]", SymbolKind.Property, m, null));
                    break;
                default:
                    break;
            }
        }

        // ---- declarations ----

        private void function(Node fn, Node nameNode, String fallback, Node rangeNode, List<DocumentSymbol> out) {
            DocumentSymbol sym = symbol(nameNode != null ? nameNode.name() : fallback, SymbolKind.Function, rangeNode, nameNode);
            sym.setDetail(parameters(fn));
            List<DocumentSymbol> children = new ArrayList<>();
            Node body = view(Layouts.functionBody(a, fn.index()));
            if (body != null) statements(body, children, false);
            else if (fn.is(ARROW_FUNCTION) && (body = view(Layouts.arrowBody(a, fn.index()))) != null) {
                expressionChildren(body, children, 0); // `(k) => ({ code: k })`, `() => (x) => { … }`
            }
            if (!children.isEmpty()) sym.setChildren(children);
            out.add(sym);
        }

        private void classSymbol(Node cls, Node nameNode, String fallback, Node rangeNode, List<DocumentSymbol> out) {
            DocumentSymbol sym = symbol(nameNode != null ? nameNode.name() : fallback, SymbolKind.Class, rangeNode, nameNode);
            Node heritage = view(Layouts.classHeritage(a, cls.index()));
            if (heritage != null) sym.setDetail(Trees.oneLine(heritage, MAX_DETAIL)); // "extends Base"
            Node body = view(Layouts.classBody(a, cls.index()));
            List<DocumentSymbol> members = new ArrayList<>();
            if (body != null) {
                for (Node m = body.firstChild(); m != null; m = m.nextSibling()) member(m, members);
            }
            if (!members.isEmpty()) sym.setChildren(members);
            out.add(sym);
        }

        private void member(Node m, List<DocumentSymbol> out) {
            int flags = m.data();
            Node key = view(Layouts.memberKey(a, m.index()));
            if (key == null) return;
            if (m.is(METHOD)) {
                Node fn = view(Layouts.methodFunction(a, m.index()));
                SymbolKind kind = (flags & C_CONSTRUCTOR) != 0 ? SymbolKind.Constructor
                        : (flags & (P_GET | P_SET)) != 0 ? SymbolKind.Property : SymbolKind.Method;
                DocumentSymbol sym = symbol(keyName(key, flags), kind, m, key);
                sym.setDetail(memberDetail(flags, fn));
                if (fn != null) addBodyChildren(fn, sym);
                out.add(sym);
                if ((flags & C_CONSTRUCTOR) != 0 && fn != null) parameterProperties(fn, out);
            } else if (m.is(FIELD)) {
                Node value = view(Layouts.fieldValue(a, m.index()));
                boolean fnValued = value != null && (value.is(FUNCTION_EXPRESSION) || value.is(ARROW_FUNCTION));
                SymbolKind kind = fnValued ? SymbolKind.Method : (flags & C_ACCESSOR) != 0 ? SymbolKind.Property : SymbolKind.Field;
                DocumentSymbol sym = symbol(keyName(key, flags), kind, m, key);
                if ((flags & C_STATIC) != 0) sym.setDetail("static");
                if (fnValued) addBodyChildren(value, sym);
                else if (value != null && value.is(CLASS_EXPRESSION)) sym.setKind(SymbolKind.Class);
                out.add(sym);
            }
            // STATIC_BLOCK: nothing to name
        }

        /** {@code constructor(public val: string)}: the class's property {@code val}. */
        private void parameterProperties(Node constructor, List<DocumentSymbol> out) {
            Node params = view(Layouts.functionParameters(a, constructor.index()));
            if (params == null) return;
            for (Node p = params.firstChild(); p != null; p = p.nextSibling()) {
                if (!p.is(PARAMETER) || (p.data() & MOD_PARAMETER_PROPERTY) == 0) continue;
                Node target = view(Layouts.parameterTarget(a, p.index()));
                if (target != null && target.is(BINDING_IDENTIFIER)) out.add(symbol(target.name(), SymbolKind.Property, p, target));
            }
        }

        private String memberDetail(int flags, Node fn) {
            String params = fn == null ? null : parameters(fn);
            String prefix = (flags & C_STATIC) != 0 ? "static " : "";
            if ((flags & P_GET) != 0) return prefix + "get";
            if ((flags & P_SET) != 0) return prefix + "set";
            return prefix.isEmpty() ? params : prefix + (params == null ? "" : params);
        }

        private void addBodyChildren(Node fn, DocumentSymbol sym) {
            Node body = view(Layouts.functionBody(a, fn.index()));
            if (body == null) return;
            List<DocumentSymbol> children = new ArrayList<>();
            statements(body, children, false);
            if (!children.isEmpty()) sym.setChildren(children);
        }

        private void declarator(Node d, int declKind, boolean top, boolean exported, List<DocumentSymbol> out) {
            Node target = view(Layouts.declaratorTarget(a, d.index()));
            if (target == null) return;
            Node init = view(Layouts.declaratorInit(a, d.index()));
            boolean constant = declKind == VAR_CONST || declKind == VAR_USING || declKind == VAR_AWAIT_USING;
            SymbolKind varKind = constant ? SymbolKind.Constant : SymbolKind.Variable;
            if (!target.is(BINDING_IDENTIFIER)) { // destructuring: one symbol per bound name
                bindings(target, target, varKind, out);
                return;
            }
            String name = target.name();
            while (init != null && (init.is(AS_EXPRESSION) || init.is(SATISFIES_EXPRESSION) || init.is(PARENTHESIZED) || init.is(NON_NULL))) {
                init = init.firstChild(); // `{ … } as const`
            }
            if (init != null && (init.is(FUNCTION_EXPRESSION) || init.is(ARROW_FUNCTION))) {
                function(init, target, name, d, out);
            } else if (init != null && init.is(CLASS_EXPRESSION)) {
                classSymbol(init, target, name, d, out);
            } else if (init != null && init.is(OBJECT)) {
                List<DocumentSymbol> members = new ArrayList<>();
                objectMembers(init, true, 0, members);
                DocumentSymbol sym = symbol(name, varKind, d, target);
                if (!members.isEmpty()) sym.setChildren(members);
                out.add(sym);
            } else {
                DocumentSymbol sym = symbol(name, varKind, d, target); // locals too, as TypeScript's outline has them
                List<DocumentSymbol> children = new ArrayList<>();
                if (init != null) expressionChildren(init, children, 0);
                if (!children.isEmpty()) sym.setChildren(children);
                out.add(sym);
            }
        }

        /** Bound names of a pattern, each ranged over its own element (e.g. {@code b: c = 1}). */
        private void bindings(Node pattern, Node element, SymbolKind kind, List<DocumentSymbol> out) {
            switch (pattern.kind()) {
                case BINDING_IDENTIFIER:
                    out.add(symbol(pattern.name(), kind, element, pattern));
                    break;
                case OBJECT_PATTERN: case ARRAY_PATTERN:
                    for (Node e = pattern.firstChild(); e != null; e = e.nextSibling()) bindings(e, e, kind, out);
                    break;
                case PROPERTY: {
                    Node value = view(Layouts.propertyValue(a, pattern.index()));
                    if (value != null) bindings(value, element, kind, out);
                    break;
                }
                case ASSIGNMENT_PATTERN: case REST_ELEMENT: {
                    Node target = view(Layouts.elementTarget(a, pattern.index()));
                    if (target != null) bindings(target, element, kind, out);
                    break;
                }
                default:
                    break;
            }
        }

        private void objectMembers(Node object, boolean all, int depth, List<DocumentSymbol> out) {
            if (depth >= MAX_NESTING) return;
            for (Node p = object.firstChild(); p != null; p = p.nextSibling()) {
                if (!p.is(PROPERTY)) continue; // spreads have no name
                int flags = p.data();
                Node key = view(Layouts.propertyKey(a, p.index()));
                Node value = view(Layouts.propertyValue(a, p.index()));
                if (key == null) continue;
                String name = keyName(key, flags);
                Node nameNode = key;
                if ((flags & (P_GET | P_SET)) != 0) {
                    if (!all) continue;
                    DocumentSymbol sym = symbol(name, SymbolKind.Property, p, nameNode);
                    sym.setDetail((flags & P_GET) != 0 ? "get" : "set");
                    out.add(sym);
                } else if (value != null && (value.is(FUNCTION_EXPRESSION) || value.is(ARROW_FUNCTION))) {
                    DocumentSymbol sym = symbol(name, SymbolKind.Method, p, nameNode);
                    sym.setDetail(parameters(value));
                    addBodyChildren(value, sym);
                    out.add(sym);
                } else if (value != null && value.is(CLASS_EXPRESSION)) {
                    List<DocumentSymbol> tmp = new ArrayList<>();
                    classSymbol(value, nameNode, name, p, tmp);
                    tmp.get(0).setName(name);
                    out.addAll(tmp);
                } else if (value != null && value.is(OBJECT)) {
                    List<DocumentSymbol> members = new ArrayList<>();
                    objectMembers(value, all, depth + 1, members);
                    if (all || !members.isEmpty()) {
                        DocumentSymbol sym = symbol(name, SymbolKind.Property, p, nameNode);
                        if (!members.isEmpty()) sym.setChildren(members);
                        out.add(sym);
                    }
                } else if (all) {
                    DocumentSymbol sym = symbol(name, SymbolKind.Property, p, nameNode);
                    List<DocumentSymbol> children = new ArrayList<>();
                    if (value != null && (flags & P_SHORTHAND) == 0) expressionChildren(value, children, depth + 1);
                    if (!children.isEmpty()) sym.setChildren(children);
                    out.add(sym);
                }
            }
        }

        private void exportDefault(Node s, List<DocumentSymbol> out) {
            Node value = view(Layouts.exportedDeclaration(a, s.index()));
            if (value == null) return;
            switch (value.kind()) {
                case FUNCTION_DECLARATION: case FUNCTION_EXPRESSION: case ARROW_FUNCTION: {
                    Node name = view(Layouts.functionName(a, value.index()));
                    function(value, name, "default", s, out);
                    break;
                }
                case CLASS_DECLARATION: case CLASS_EXPRESSION:
                    classSymbol(value, view(Layouts.className(a, value.index())), "default", s, out);
                    break;
                case OBJECT: {
                    DocumentSymbol sym = symbol("default", SymbolKind.Module, s, null);
                    List<DocumentSymbol> members = new ArrayList<>();
                    objectMembers(value, true, 0, members);
                    if (!members.isEmpty()) sym.setChildren(members);
                    out.add(sym);
                    break;
                }
                default:
                    break;
            }
        }

        /** {@code module.exports = …}, {@code exports.x = …}, {@code X.prototype.y = function …}; whether it outlined one. */
        private boolean assignment(Node e, List<DocumentSymbol> out) {
            if (e == null || !e.is(ASSIGNMENT) || e.operator() != Token.ASSIGN) return false;
            Node left = view(Layouts.assignmentTarget(a, e.index()));
            Node value = view(Layouts.assignmentValue(a, e.index()));
            if (value == null || !left.is(MEMBER) || (left.data() & M_COMPUTED) != 0) return false;
            int before = out.size();
            boolean exports = isExportsTarget(left);
            String name = Trees.oneLine(left, 80);
            if (value.is(FUNCTION_EXPRESSION) || value.is(ARROW_FUNCTION)) {
                function(value, null, name, e, out);
                out.get(out.size() - 1).setSelectionRange(range(left));
            } else if (value.is(CLASS_EXPRESSION)) {
                classSymbol(value, null, name, e, out);
                out.get(out.size() - 1).setSelectionRange(range(left));
            } else if (value.is(OBJECT) && exports) {
                DocumentSymbol sym = symbol(name, SymbolKind.Module, e, left);
                List<DocumentSymbol> members = new ArrayList<>();
                objectMembers(value, true, 0, members);
                if (!members.isEmpty()) sym.setChildren(members);
                out.add(sym);
            }
            return out.size() > before;
        }

        // ---- what expressions hold (TypeScript's navigation tree walks them) ----

        /**
         * The functions, classes and object literal members inside an expression, as TypeScript's
         * navigation tree finds them: a function passed to a call is {@code callee("string args")
         * callback}; another unnamed function or class is outlined (as {@code <function>},
         * {@code <class>}) only when something inside it is; an object literal's members are.
         */
        private void expressionChildren(Node e, List<DocumentSymbol> out, int depth) { expressionChildren(e, null, out, depth); }

        /** {@code call}: the call {@code e} is an argument of, or null. */
        private void expressionChildren(Node e, Node call, List<DocumentSymbol> out, int depth) {
            if (depth > MAX_NESTING) return;
            switch (e.kind()) {
                case FUNCTION_EXPRESSION: case ARROW_FUNCTION: {
                    Node name = e.is(FUNCTION_EXPRESSION) ? view(Layouts.functionName(a, e.index())) : null;
                    String label = name != null ? name.name() : call != null ? callbackName(call) : null;
                    List<DocumentSymbol> children = new ArrayList<>();
                    Node body = e.is(ARROW_FUNCTION) ? view(Layouts.arrowBody(a, e.index())) : view(Layouts.functionBody(a, e.index()));
                    if (body != null && body.is(FUNCTION_BODY)) statements(body, children, false);
                    else if (body != null) expressionChildren(body, children, depth + 1);
                    if (label == null && children.isEmpty()) return;
                    DocumentSymbol sym = symbol(label != null ? label : "<function>", SymbolKind.Function, e, name);
                    sym.setDetail(parameters(e));
                    if (!children.isEmpty()) sym.setChildren(children);
                    out.add(sym);
                    return;
                }
                case CLASS_EXPRESSION: {
                    List<DocumentSymbol> one = new ArrayList<>();
                    classSymbol(e, view(Layouts.className(a, e.index())), "<class>", e, one);
                    DocumentSymbol sym = one.get(0);
                    if (!sym.getName().equals("<class>") || sym.getChildren() != null) out.add(sym);
                    return;
                }
                case OBJECT:
                    objectMembers(e, true, depth + 1, out);
                    return;
                default: {
                    int firstArgument = e.is(CALL) ? Layouts.callFirstArgument(a, e.index()) : -1;
                    boolean argument = false;
                    for (Node c = e.firstChild(); c != null; c = c.nextSibling()) {
                        argument |= c.index() == firstArgument;
                        expressionChildren(c, argument ? e : null, out, depth + 1);
                    }
                }
            }
        }

        /** {@code test("adds") callback} for a function passed to {@code test("adds", …)}; null for a callee TypeScript does not name. */
        private String callbackName(Node call) {
            String callee = calleeName(view(Layouts.callCallee(a, call.index())));
            if (callee == null) return null;
            if (callee.length() > MAX_CALLBACK_NAME) return callee + " callback";
            StringBuilder args = new StringBuilder();
            for (Node arg = view(Layouts.callFirstArgument(a, call.index())); arg != null; arg = arg.nextSibling()) {
                if (!arg.is(STRING_LITERAL) && !arg.is(TEMPLATE)) continue;
                if (args.length() > 0) args.append(", ");
                args.append(Trees.oneLine(arg, MAX_CALLBACK_NAME));
            }
            return callee + "(" + Trees.oneLine(args.toString(), MAX_CALLBACK_NAME) + ") callback";
        }

        /** {@code a}, {@code a.b.c}: a callee TypeScript names; null for any other. */
        private String calleeName(Node callee) {
            if (callee == null) return null;
            if (callee.is(IDENTIFIER_REFERENCE) || callee.is(IDENTIFIER_NAME)) return callee.name();
            if (callee.is(MEMBER) && (callee.data() & M_COMPUTED) == 0) {
                Node property = view(Layouts.memberProperty(a, callee.index()));
                if (property == null || !property.is(IDENTIFIER_NAME)) return null;
                String left = calleeName(view(Layouts.memberObject(a, callee.index())));
                return left == null ? property.name() : left + "." + property.name();
            }
            return null;
        }


        /** {@code module.exports}, {@code exports.x}, {@code module.exports.x}. */
        private boolean isExportsTarget(Node member) {
            Node object = view(Layouts.memberObject(a, member.index()));
            if (object == null) return false;
            if (object.is(IDENTIFIER_REFERENCE)) {
                String n = object.name();
                if (n.equals("exports")) return true;
                Node prop = view(Layouts.memberProperty(a, member.index()));
                return n.equals("module") && prop != null && prop.is(IDENTIFIER_NAME) && prop.name().equals("exports");
            }
            return object.is(MEMBER) && isExportsTarget(object);
        }

        // ---- names, ranges, details ----

        private static String keyName(Node key, int flags) {
            if ((flags & P_COMPUTED) != 0) return "[" + Trees.oneLine(key, 60) + "]";
            switch (key.kind()) {
                case IDENTIFIER_NAME: case IDENTIFIER_REFERENCE: case BINDING_IDENTIFIER:
                    return key.name();
                case PRIVATE_IDENTIFIER:
                    return "#" + key.name();
                case STRING_LITERAL: {
                    String v = LiteralValues.stringValue(key);
                    return v.isEmpty() ? "\"\"" : v;
                }
                default:
                    return Trees.oneLine(key, 60);
            }
        }

        private String parameters(Node fn) {
            Node params = view(Layouts.functionParameters(a, fn.index()));
            if (params == null) return null;
            String text = Trees.oneLine(params, MAX_DETAIL);
            if (text.isEmpty()) return "()";
            return text.startsWith("(") ? text : "(" + text + ")";
        }

        private DocumentSymbol symbol(String name, SymbolKind kind, Node rangeNode, Node nameNode) {
            if (name == null || name.isBlank()) name = "<anonymous>"; // LSP: names must not be empty
            Range range = range(rangeNode);
            Range selection = nameNode == null ? range : range(nameNode);
            if (!contains(range, selection)) selection = range;
            return new DocumentSymbol(name, kind, range, selection);
        }

        private Range range(Node n) { return doc.rangeOf(n.start(), n.end()); }

        private static boolean contains(Range outer, Range inner) {
            return compare(outer.getStart(), inner.getStart()) <= 0 && compare(inner.getEnd(), outer.getEnd()) <= 0;
        }

        private static int compare(org.eclipse.lsp4j.Position a, org.eclipse.lsp4j.Position b) {
            return a.getLine() != b.getLine() ? Integer.compare(a.getLine(), b.getLine()) : Integer.compare(a.getCharacter(), b.getCharacter());
        }
    }
}
