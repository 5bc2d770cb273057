package dev.arenals.server.features;

import static dev.arenals.parser.tree.NodeKind.*;

import dev.arenals.parser.scope.ScopeTable;
import dev.arenals.parser.tree.Arena;
import dev.arenals.parser.tree.Layouts;
import dev.arenals.parser.tree.NodeKind;
import dev.arenals.server.query.DocumentQuery;
import dev.arenals.server.query.Names;
import dev.arenals.server.query.SymbolIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;

/**
 * Refactorings offered as code actions, each exact or not offered: every rule below refuses rather
 * than change what the program does in a way TypeScript's own refactoring would not.
 *
 * <ul>
 *   <li>{@code refactor.extract.constant}: a selected expression becomes {@code const newLocal = …;}
 *       before the statement that holds it, in the same block, and the selection its name. Refused
 *       where that statement is not the one evaluating the expression each time (a loop's test or
 *       update, the body of an {@code if} or loop without braces, a function's parameter or arrow
 *       body, a class member), where a name the expression reads would mean something else (or not
 *       yet exist) before that statement, and for assignment targets and a method call's callee
 *       (its {@code this} would be lost).</li>
 *   <li>{@code refactor.extract.function}: a selected expression or run of statements becomes a
 *       function at module level, after the top-level statement that holds it; the locals it reads
 *       become parameters (typed from their declarations in TypeScript), {@code await} makes it
 *       async. Refused where a local is assigned or a type is local, a declaration inside is used
 *       outside, control leaves the selection ({@code return}, {@code break}/{@code continue} to
 *       an outer loop), it reads its function's {@code this}, {@code arguments} or {@code super},
 *       yields, or (TypeScript) a parameter's type is not written where it is declared.</li>
 *   <li>{@code refactor.inline.variable}: a variable that is never assigned again, declared by one
 *       name with an initializer, has every use replaced by the initializer (in parentheses where
 *       the use needs them) and its declaration removed. Refused for exported variables, uses in
 *       types, a use before the declaration, names of the initializer that a use site's scopes
 *       would capture, {@code this} or {@code await} carried into another function, and an
 *       initializer that calls or allocates when it would then run more than once.</li>
 *   <li>{@code refactor.rewrite.string}: a concatenation with a string as a template literal; what
 *       is added before the first string stays one substitution ({@code 1 + 2 + "x"} is
 *       {@code `${1 + 2}x`}); refused for legacy octal escapes and comments between the operands.</li>
 *   <li>{@code refactor.rewrite.import.named} / {@code .namespace}: {@code import * as ns} with its
 *       uses {@code ns.a} as {@code import { a }} and {@code a}, and back (a fresh namespace name from
 *       the module's); refused where a name would be captured or shadow a global, for a bare use of
 *       the namespace, a computed or optional member, a string-named import, and re-exports.</li>
 *   <li>{@code refactor.rewrite.function.arrow} / {@code refactor.rewrite.function.anonymous}: a
 *       function expression as an arrow function and back, on the function's head; refused where the
 *       body (or an arrow inside it) reads {@code this}, {@code arguments}, {@code super} or
 *       {@code new.target}, for generators, a function that calls itself by its own name, one
 *       constructed with {@code new}, a {@code this} parameter, and type parameters in TSX.</li>
 *   <li>{@code refactor.extract.type} / {@code .interface}: a selected type as a type alias or
 *       interface before its statement ({@link ExtractType}).</li>
 *   <li>{@code refactor.rewrite.arrow.braces}: an arrow's expression body as a block with one
 *       {@code return}, and back when the block holds nothing but that {@code return}.</li>
 * </ul>
 */
public final class Refactors {
    private Refactors() {}

    public static final String EXTRACT_CONSTANT = "refactor.extract.constant";
    public static final String EXTRACT_FUNCTION = "refactor.extract.function";
    public static final String ARROW_BRACES = "refactor.rewrite.arrow.braces";
    public static final String INLINE_VARIABLE = "refactor.inline.variable";
    public static final String TEMPLATE_STRING = "refactor.rewrite.string";
    public static final String TO_ARROW = "refactor.rewrite.function.arrow";
    public static final String TO_FUNCTION = "refactor.rewrite.function.anonymous";
    public static final String TO_NAMED_IMPORTS = "refactor.rewrite.import.named";
    public static final String TO_NAMESPACE_IMPORT = "refactor.rewrite.import.namespace";
    public static final String EXTRACT_TYPE = "refactor.extract.type";
    public static final String EXTRACT_INTERFACE = "refactor.extract.interface";
    public static final String MOVE_TO_NEW_FILE = "refactor.move.newFile";
    public static final String GENERATE_ACCESSORS = "refactor.rewrite.property.generateAccessors";
    public static final String TO_NAMED_FUNCTION = "refactor.rewrite.function.named";

    /** Must run on the document's queue: the actions for the selection [from, to). */
    public static void actions(DocumentQuery q, int from, int to, List<String> only, List<CodeAction> out) {
        if (CodeActionHandler.wants(only, EXTRACT_CONSTANT) && to > from) {
            CodeAction extract = extractConstant(q, from, to);
            if (extract != null) out.add(extract);
        }
        if (CodeActionHandler.wants(only, EXTRACT_CONSTANT) && to > from) {
            CodeAction extract = extractConstantToModule(q, from, to);
            if (extract != null) out.add(extract);
        }
        if (CodeActionHandler.wants(only, EXTRACT_FUNCTION) && to > from) {
            CodeAction extract = extractFunction(q, from, to);
            if (extract != null) out.add(extract);
        }
        if (to > from && CodeActionHandler.wants(only, EXTRACT_TYPE)) {
            CodeAction extract = ExtractType.extract(q, from, to, false);
            if (extract != null) out.add(extract);
        }
        if (to > from && CodeActionHandler.wants(only, EXTRACT_INTERFACE)) {
            CodeAction extract = ExtractType.extract(q, from, to, true);
            if (extract != null) out.add(extract);
        }
        if (CodeActionHandler.wants(only, INLINE_VARIABLE)) {
            CodeAction inline = inlineVariable(q, from, to);
            if (inline != null) out.add(inline);
        }
        if (CodeActionHandler.wants(only, TEMPLATE_STRING)) {
            CodeAction template = templateString(q, from, to);
            if (template != null) out.add(template);
        }
        if (CodeActionHandler.wants(only, TO_NAMED_IMPORTS) || CodeActionHandler.wants(only, TO_NAMESPACE_IMPORT)) {
            CodeAction imports = convertImport(q, from, to, CodeActionHandler.wants(only, TO_NAMED_IMPORTS), CodeActionHandler.wants(only, TO_NAMESPACE_IMPORT));
            if (imports != null) out.add(imports);
        }
        if (CodeActionHandler.wants(only, TO_ARROW) || CodeActionHandler.wants(only, TO_FUNCTION)) {
            CodeAction function = convertFunction(q, from, to, CodeActionHandler.wants(only, TO_ARROW), CodeActionHandler.wants(only, TO_FUNCTION));
            if (function != null) out.add(function);
        }
        if (CodeActionHandler.wants(only, TO_NAMED_FUNCTION)) {
            CodeAction named = toNamedFunction(q, from, to);
            if (named != null) out.add(named);
        }
        if (CodeActionHandler.wants(only, GENERATE_ACCESSORS)) {
            CodeAction accessors = GenerateAccessors.action(q, from, to);
            if (accessors != null) out.add(accessors);
        }
        if (CodeActionHandler.wants(only, OptionalChain.KIND)) {
            CodeAction chain = OptionalChain.action(q, from, to);
            if (chain != null) out.add(chain);
        }
        if (CodeActionHandler.wants(only, ARROW_BRACES + ".add") || CodeActionHandler.wants(only, ARROW_BRACES + ".remove")) {
            CodeAction braces = arrowBraces(q, from, to);
            if (braces != null && CodeActionHandler.wants(only, braces.getKind())) out.add(braces);
        }
    }

    static CodeAction action(DocumentQuery q, String title, String kind, List<TextEdit> edits) {
        CodeAction action = new CodeAction(title);
        action.setKind(kind);
        action.setEdit(new WorkspaceEdit(Map.of(q.uri(), edits)));
        return action;
    }

    // ---- extract to constant ----

    static CodeAction extractConstant(DocumentQuery q, int from, int to) {
        Arena a = q.arena();
        char[] src = a.source();
        int expression = selectedExpression(q, from, to);
        if (expression < 0) return null;
        from = a.start(expression);
        to = a.end(expression);
        int parent = q.parentOf(expression);
        if (!extractableIn(a, parent, expression) || constAssertionOperand(q, expression)) return null;

        // up to the statement the expression is evaluated in, once each time that statement runs
        int statement = -1, list = -1;
        boolean receiver = true; // still the leftmost receiver of a member/call chain: before any ?. of it
        for (int child = expression, p = parent; p >= 0; child = p, p = q.parentOf(p)) {
            int pk = a.kind(p);
            if (isStatementList(pk) && isStatement(a.kind(child)) && !(pk == SWITCH_CASE && child == a.firstChild(p) && (a.data(p) & 1) == 0)) {
                statement = child;
                list = p;
                break;
            }
            if (pk == CHAIN) {
                // a?.b.c: the links after the ?. run only when it did not stop; its receiver always runs
                if (!receiver || hasOptionalLink(a, expression)) return null;
                continue;
            }
            if (isAmbient(a, p)) return null; // no initializers in a declare context
            receiver &= (pk == MEMBER || pk == CALL || pk == NON_NULL) && child == a.firstChild(p);
            if (!evaluatedWithParent(a, p, child)) return null;
        }
        if (statement < 0) return null;
        if (!namesMeanTheSameBefore(q, expression, statement, list)) return null;

        String name = unusedName(q, "newLocal");
        String value = new String(src, from, to - from);
        int lineStart = a.start(statement);
        while (lineStart > 0 && (src[lineStart - 1] == ' ' || src[lineStart - 1] == '\t')) lineStart--;
        boolean atLineStart = lineStart == 0 || src[lineStart - 1] == '\n' || src[lineStart - 1] == '\r';
        String declaration = "const " + name + " = " + value + ";"
                + (atLineStart ? lineBreak(src, a.sourceLength()) + new String(src, lineStart, a.start(statement) - lineStart) : " ");

        String use = useOf(a, parent, expression, name);

        List<TextEdit> edits = new ArrayList<>(2);
        edits.add(new TextEdit(q.range(a.start(statement), a.start(statement)), declaration));
        edits.add(new TextEdit(q.range(from, to), use));
        return action(q, "Extract to constant in enclosing scope", EXTRACT_CONSTANT, edits);
    }

    /**
     * "Extract to constant in module scope", offered beside the enclosing scope's when the
     * selection is inside a function or block: only for a value that is the same wherever and
     * whenever it is computed — literals, templates, operators other than {@code in} and
     * {@code instanceof}, and module-level {@code const}s declared before the top-level statement
     * whose initializers are such values themselves ({@code undefined}, {@code NaN},
     * {@code Infinity} too). Computed once when the module loads instead of each time its
     * statement runs, it cannot mean anything else.
     */
    static CodeAction extractConstantToModule(DocumentQuery q, int from, int to) {
        Arena a = q.arena();
        char[] src = a.source();
        int expression = selectedExpression(q, from, to);
        if (expression < 0) return null;
        from = a.start(expression);
        to = a.end(expression);
        int parent = q.parentOf(expression);
        // a field's initializer runs with each instance, but a constant value can be computed once before the class
        int key = parent >= 0 && a.kind(parent) == FIELD ? a.firstChild(parent) : -1;
        while (key >= 0 && a.kind(key) == DECORATOR) key = a.nextSibling(key);
        boolean fieldValue = key >= 0 && key != expression && a.nextSibling(expression) < 0;
        if (!fieldValue && !extractableIn(a, parent, expression) || constAssertionOperand(q, expression)) return null;
        if (a.kind(expression) == STRING_LITERAL && a.kind(parent) == EXPRESSION_STATEMENT) return null; // a directive's prologue
        int top = expression;
        boolean nested = false;
        while (q.parentOf(top) >= 0 && q.parentOf(top) != a.root()) {
            int p = q.parentOf(top);
            if (isAmbient(a, p)) return null;
            if (isStatementList(a.kind(p)) || a.kind(p) == FUNCTION_BODY || a.kind(p) == CLASS_BODY) nested = true;
            top = p;
        }
        if (!nested || q.parentOf(top) != a.root()) return null; // at module level the enclosing scope is the module's
        if (!constantValue(q, expression, a.start(top), 0)) return null;
        String name = unusedName(q, "newLocal");
        int insertAt = ExtractType.attachedCommentsStart(a, a.start(top));
        String nl = lineBreak(src, a.sourceLength());
        String use = useOf(a, parent, expression, name);
        List<TextEdit> edits = new ArrayList<>(2);
        edits.add(new TextEdit(q.range(insertAt, insertAt), "const " + name + " = " + new String(src, from, to - from) + ";" + nl + nl));
        edits.add(new TextEdit(q.range(from, to), use));
        return action(q, "Extract to constant in module scope", EXTRACT_CONSTANT, edits);
    }

    /** What stands for the extracted expression where it was: the name (a shorthand property keeps its key, JSX gets braces). */
    private static String useOf(Arena a, int parent, int expression, String name) {
        int pk = a.kind(parent);
        if (pk == PROPERTY && (a.data(parent) & P_SHORTHAND) != 0) return a.text(a.start(expression), a.end(expression)) + ": " + name;
        if (pk == JSX_ATTRIBUTE || isJsx(a.kind(expression)) && (pk == JSX_ELEMENT || pk == JSX_FRAGMENT)) return "{" + name + "}";
        return name;
    }

    /** Whether the expression's value is the same wherever and whenever it is computed before {@code before} (see above). */
    private static boolean constantValue(DocumentQuery q, int e, int before, int depth) {
        if (depth > 16) return false;
        Arena a = q.arena();
        switch (a.kind(e)) {
            case NUMBER_LITERAL: case STRING_LITERAL: case BIGINT_LITERAL: case BOOLEAN: case NULL: case TEMPLATE_ELEMENT:
                return true;
            case PARENTHESIZED: case TEMPLATE: case CONDITIONAL:
                break;
            case UNARY:
                if (a.data(e) == dev.arenals.parser.lexer.Token.K_DELETE) return false;
                break;
            case BINARY: {
                int op = a.data(e);
                if (op == dev.arenals.parser.lexer.Token.K_IN || op == dev.arenals.parser.lexer.Token.K_INSTANCEOF) return false;
                break;
            }
            case IDENTIFIER_REFERENCE: {
                int symbol = q.symbolOfNode(e);
                String name = a.text(a.start(e), a.end(e));
                if (symbol < 0) return name.equals("undefined") || name.equals("NaN") || name.equals("Infinity");
                if (!q.isDeclared(symbol)) return false;
                int declaration = q.scopes().declarationNode(symbol);
                // a const of the module, declared before the new one, whose value is itself constant
                int declarator = q.parentOf(declaration), list = declarator < 0 ? -1 : q.parentOf(declarator);
                if (declarator < 0 || a.kind(declarator) != VARIABLE_DECLARATOR || a.firstChild(declarator) != declaration) return false;
                if (list < 0 || a.kind(list) != VARIABLE_DECLARATION || (a.data(list) & 0xFF) != VAR_CONST) return false;
                int statement = q.parentOf(list);
                if (statement >= 0 && a.kind(statement) == EXPORT_NAMED) statement = q.parentOf(statement);
                if (statement != a.root() || a.end(list) > before) return false;
                int init = Layouts.declaratorInit(a, declarator);
                return init >= 0 && constantValue(q, init, before, depth + 1);
            }
            default:
                return false;
        }
        for (int c = a.firstChild(e); c >= 0; c = a.nextSibling(c)) if (!constantValue(q, c, before, depth + 1)) return false;
        return true;
    }

    /** The expression a selection holds, blanks around it ignored; -1 for none, or in a {@code .d.ts} file (no values there). */
    private static int selectedExpression(DocumentQuery q, int from, int to) {
        Arena a = q.arena();
        char[] src = a.source();
        while (from < to && Character.isWhitespace(src[from])) from++;
        while (to > from && Character.isWhitespace(src[to - 1])) to--;
        if (to <= from || a.isDeclarationFile()) return -1;
        return exactExpression(q, from, to);
    }

    /** The outermost expression whose source range is exactly [from, to), or -1. */
    private static int exactExpression(DocumentQuery q, int from, int to) {
        Arena a = q.arena();
        int node = a.root(), found = -1;
        while (node >= 0) {
            if (a.start(node) == from && a.end(node) == to && found < 0 && isExpression(a.kind(node))) found = node;
            if (isType(a.kind(node))) return -1; // a selection inside a type is not a value
            int next = -1;
            // the last child that holds the range: a shorthand property's value, not its key of the same range
            for (int c = a.firstChild(node); c >= 0; c = a.nextSibling(c)) {
                if (a.start(c) <= from && a.end(c) >= to && a.end(c) > a.start(c)) next = c;
            }
            if (next < 0) break;
            node = next;
        }
        return found;
    }

    private static boolean isExpression(int k) {
        switch (k) {
            case IDENTIFIER_REFERENCE: case THIS: case NULL: case BOOLEAN: case NUMBER_LITERAL: case BIGINT_LITERAL:
            case STRING_LITERAL: case REGEX_LITERAL: case TEMPLATE: case TAGGED_TEMPLATE: case ARRAY: case OBJECT:
            case FUNCTION_EXPRESSION: case ARROW_FUNCTION: case CLASS_EXPRESSION: case PARENTHESIZED: case MEMBER:
            case CALL: case NEW: case CHAIN: case UNARY: case BINARY: case CONDITIONAL: case AWAIT: case IMPORT_CALL:
            case AS_EXPRESSION: case SATISFIES_EXPRESSION: case NON_NULL: case TYPE_ASSERTION: case JSX_ELEMENT: case JSX_FRAGMENT:
                return true;
            default:
                return false;
        }
    }

    private static boolean isJsx(int k) { return k == JSX_ELEMENT || k == JSX_FRAGMENT; }

    /** Whether the expression may become a name where it stands: not a target, a callee with a receiver, a part of an optional chain, a key. */
    private static boolean extractableIn(Arena a, int parent, int expression) {
        if (parent < 0) return false;
        int pk = a.kind(parent);
        int ek = a.kind(expression);
        if (pk == ASSIGNMENT && a.firstChild(parent) == expression) return false;
        if (pk == UPDATE || (pk == FOR_IN || pk == FOR_OF) && a.firstChild(parent) == expression) return false;
        if (pk == UNARY && a.data(parent) == dev.arenals.parser.lexer.Token.K_DELETE) return false;
        if ((pk == CALL || pk == TAGGED_TEMPLATE) && a.firstChild(parent) == expression && (ek == MEMBER || ek == CHAIN)) return false;
        if (pk == DECORATOR || pk == EXPRESSION_WITH_TYPE_ARGUMENTS || pk == CLASS_HERITAGE) return false;
        if (pk == PROPERTY && (a.data(parent) & P_SHORTHAND) == 0 && a.firstChild(parent) == expression) return false; // a key
        switch (pk) {
            case IMPORT_DECLARATION: case EXPORT_NAMED: case EXPORT_ALL: case EXTERNAL_MODULE_REFERENCE: case IMPORT_ATTRIBUTE:
            case IMPORT_ATTRIBUTES: case MODULE_DECLARATION: case IMPORT_SPECIFIER: case EXPORT_SPECIFIER: case ENUM_MEMBER:
            case METHOD: case FIELD: case PROPERTY_SIGNATURE: case METHOD_SIGNATURE: case IMPORT_TYPE: case LITERAL_TYPE:
            case NAMESPACE_EXPORT: case LABELED: case BREAK: case CONTINUE:
                return false; // module specifiers, names and keys written as strings: not values
            default:
        }
        if (pk == JSX_EXPRESSION_CONTAINER || pk == JSX_SPREAD_ATTRIBUTE || pk == JSX_SPREAD_CHILD) return true;
        if (pk == JSX_ATTRIBUTE) return ek == STRING_LITERAL || isJsx(ek);
        if (pk == JSX_OPENING_ELEMENT || pk == JSX_CLOSING_ELEMENT) return false;
        return true;
    }

    /**
     * Whether the expression (in parentheses or not) is what {@code as const} or {@code <const>}
     * asserts: only a literal may stand there (TS1355), never the name it would be extracted to.
     */
    private static boolean constAssertionOperand(DocumentQuery q, int expression) {
        Arena a = q.arena();
        int child = q.outermostParentheses(expression), parent = q.parentOf(child);
        if (parent < 0) return false;
        if (a.kind(parent) == AS_EXPRESSION && a.firstChild(parent) == child) {
            int type = a.nextSibling(child);
            return type >= 0 && a.kind(type) == KEYWORD_TYPE && a.data(type) == dev.arenals.parser.lexer.Token.K_CONST;
        }
        if (a.kind(parent) == TYPE_ASSERTION && a.nextSibling(a.firstChild(parent)) == child) {
            int type = a.firstChild(parent);
            return a.kind(type) == TYPE_REFERENCE && a.firstChild(type) >= 0 && a.text(a.start(a.firstChild(type)), a.end(a.firstChild(type))).equals("const");
        }
        return false;
    }

    /** Whether the node is a declaration written with {@code declare}: nothing inside it runs. */
    static boolean isAmbient(Arena a, int node) {
        int k = a.kind(node);
        return (k == VARIABLE_DECLARATION || k == MODULE_DECLARATION || k == CLASS_DECLARATION || k == FUNCTION_DECLARATION
                || k == ENUM_DECLARATION) && (a.data(node) & MOD_DECLARE) != 0;
    }

    /** Whether a member or call link on the receiver path of {@code node} (itself included) is optional: it holds a ?. */
    private static boolean hasOptionalLink(Arena a, int node) {
        for (int n = node; n >= 0; n = a.firstChild(n)) {
            int k = a.kind(n);
            if (k != MEMBER && k != CALL && k != NON_NULL) return false;
            if (k != NON_NULL && (a.data(n) & M_OPTIONAL) != 0) return true;
        }
        return false;
    }

    /** A list of statements: what holds the statement before which the constant is declared. */
    static boolean isStatementList(int k) {
        return k == PROGRAM || k == BLOCK || k == FUNCTION_BODY || k == SWITCH_CASE || k == MODULE_BLOCK || k == STATIC_BLOCK;
    }

    static boolean isStatement(int k) {
        switch (k) {
            case EMPTY_STATEMENT: case BLOCK: case EXPRESSION_STATEMENT: case IF: case FOR: case FOR_IN: case FOR_OF: case WHILE:
            case DO_WHILE: case CONTINUE: case BREAK: case RETURN: case WITH: case SWITCH: case THROW: case TRY: case DEBUGGER:
            case LABELED: case VARIABLE_DECLARATION: case FUNCTION_DECLARATION: case CLASS_DECLARATION: case IMPORT_DECLARATION:
            case EXPORT_NAMED: case EXPORT_DEFAULT: case EXPORT_ALL: case INTERFACE_DECLARATION: case TYPE_ALIAS:
            case ENUM_DECLARATION: case MODULE_DECLARATION: case IMPORT_EQUALS: case EXPORT_ASSIGNMENT: case NAMESPACE_EXPORT:
                return true;
            default:
                return false;
        }
    }

    /**
     * Whether {@code child} is evaluated exactly when its parent {@code p} is, before p's statement
     * completes: false for loop tests and updates, bodies of statements without braces, a
     * function's parameters and arrow body, a class's members, and a switch's case tests.
     */
    private static boolean evaluatedWithParent(Arena a, int p, int child) {
        switch (a.kind(p)) {
            case IF: case SWITCH:
                return child == a.firstChild(p);
            case FOR:
                return (a.data(p) & 1) != 0 && child == a.firstChild(p);
            case FOR_IN: case FOR_OF:
                return child == a.nextSibling(a.firstChild(p));
            case WHILE: case DO_WHILE: case WITH: case LABELED:
            case FUNCTION_EXPRESSION: case FUNCTION_DECLARATION: case ARROW_FUNCTION: case METHOD: case FORMAL_PARAMETERS:
            case CLASS_BODY: case FIELD: case SWITCH_CASE: case TRY: case CATCH_CLAUSE:
            case INTERFACE_DECLARATION: case TYPE_ALIAS: case ENUM_DECLARATION: case ENUM_MEMBER: case MODULE_DECLARATION:
                return false;
            default:
                return true;
        }
    }

    /**
     * Whether every name the expression reads resolves, just before {@code statement}, to what it
     * resolves to where it stands: declared inside the expression, or in a scope around the
     * statement list and not by the statement itself (that declaration would not be there yet).
     */
    private static boolean namesMeanTheSameBefore(DocumentQuery q, int expression, int statement, int list) {
        Arena a = q.arena();
        ScopeTable t = q.scopes();
        int from = a.start(expression), to = a.end(expression);
        for (int i = 0, n = t.referenceCount(); i < n; i++) {
            int ref = t.referenceNode(i);
            if (a.start(ref) < from || a.end(ref) > to) continue;
            int symbol = t.symbolOfNode(ref);
            if (symbol < 0) continue; // a global: nothing nearer can hide it at an outer point
            int decl = t.declarationNode(symbol);
            int declAt = decl < 0 ? -1 : a.start(decl);
            if (declAt >= from && declAt < to) continue;
            if (declAt >= a.start(statement) && declAt < a.end(statement)) return false;
            if (!declaredAround(q, list, symbol)) return false;
        }
        return true;
    }

    /** Whether the symbol's scope is the statement list's own or one around it: visible just before any statement of the list. */
    static boolean declaredAround(DocumentQuery q, int list, int symbol) {
        int scopeNode = q.scopes().scopeNode(q.scopes().scope(symbol));
        for (int n = list; n >= 0; n = q.parentOf(n)) if (n == scopeNode) return true;
        return false;
    }

    static String lineBreak(char[] src, int length) {
        for (int i = 0; i < length; i++) {
            if (src[i] == '\n') return i > 0 && src[i - 1] == '\r' ? "\r\n" : "\n";
        }
        return "\n";
    }

    // ---- extract to function ----

    static CodeAction extractFunction(DocumentQuery q, int from, int to) {
        Arena a = q.arena();
        ScopeTable t = q.scopes();
        char[] src = a.source();
        while (from < to && Character.isWhitespace(src[from])) from++;
        while (to > from && Character.isWhitespace(src[to - 1])) to--;
        if (to <= from || a.isDeclarationFile()) return null;
        // the selection: one expression, or whole statements of one list
        int expression = exactExpression(q, from, to);
        int first = -1, last = -1;
        if (expression >= 0) {
            int parent = q.parentOf(expression);
            if (!extractableIn(a, parent, expression) || a.kind(expression) == IDENTIFIER_REFERENCE || constAssertionOperand(q, expression)) return null;
            for (int p = parent; p >= 0; p = q.parentOf(p)) if (isAmbient(a, p) || isType(a.kind(p))) return null;
        } else {
            int container = innermostHolding(a, from, to);
            while (container >= 0 && !isStatementList(a.kind(container)) && a.start(container) == from && a.end(container) == to) {
                container = q.parentOf(container); // one whole statement: the list it is in
            }
            if (container < 0 || !isStatementList(a.kind(container))) return null;
            for (int c = a.firstChild(container); c >= 0; c = a.nextSibling(c)) {
                if (a.end(c) <= from || a.start(c) >= to) continue;
                if (a.start(c) < from || a.end(c) > to || !isStatement(a.kind(c))) return null; // a statement cut in two
                if (first < 0) first = c;
                last = c;
            }
            if (first < 0 || a.start(first) != from || a.end(last) != to) return null;
            for (int c = first; ; c = a.nextSibling(c)) {
                int k = a.kind(c);
                if (k == IMPORT_DECLARATION || k == EXPORT_NAMED || k == EXPORT_DEFAULT || k == EXPORT_ALL || k == EXPORT_ASSIGNMENT
                        || k == INTERFACE_DECLARATION || k == TYPE_ALIAS || k == ENUM_DECLARATION || k == MODULE_DECLARATION
                        || k == IMPORT_EQUALS || isAmbient(a, c)) return null;
                if (c == last) break;
            }
            for (int p = container; p >= 0; p = q.parentOf(p)) if (isAmbient(a, p)) return null;
        }
        int anchor = expression >= 0 ? expression : first;
        int top = anchor;
        for (int p = q.parentOf(top); p >= 0 && p != a.root(); p = q.parentOf(p)) top = p;
        if (top == anchor && expression < 0) top = last; // statements of the program itself: after the last of them

        boolean async = false;
        // control flow and the function's own context, outside nested functions
        int[] roots = expression >= 0 ? new int[] {expression} : siblingsFrom(a, first, last);
        for (int root : roots) {
            int flow = flowOf(a, root);
            if (flow < 0) return null;
            async |= flow == 1;
        }

        // names: locals visible here and used inside become parameters; what is declared inside stays inside
        List<Integer> params = new ArrayList<>();
        List<Integer> firstUse = new ArrayList<>();
        // the symbols a node of the selection declares or names; every symbol when it has a JSX tag (tags name symbols the binder does not resolve)
        int[] candidates = new int[64];
        int candidateCount = 0;
        boolean everySymbol = false;
        java.util.BitSet seen = new java.util.BitSet();
        int[] stack = new int[64];
        for (int root : roots) {
            int sp = 0;
            stack[sp++] = root;
            while (sp > 0) {
                int node = stack[--sp];
                int k = a.kind(node);
                if (k == JSX_OPENING_ELEMENT || k == JSX_CLOSING_ELEMENT) everySymbol = true;
                int symbol = t.symbolOfNode(node);
                if (symbol >= 0 && !seen.get(symbol)) {
                    seen.set(symbol);
                    if (candidateCount == candidates.length) candidates = java.util.Arrays.copyOf(candidates, candidateCount * 2);
                    candidates[candidateCount++] = symbol;
                }
                for (int c = a.firstChild(node); c >= 0; c = a.nextSibling(c)) {
                    if (sp == stack.length) stack = java.util.Arrays.copyOf(stack, sp * 2);
                    stack[sp++] = c;
                }
            }
        }
        if (everySymbol) {
            candidateCount = t.symbolCount();
            candidates = new int[candidateCount];
            for (int i = 0; i < candidateCount; i++) candidates[i] = i;
        }
        for (int c = 0; c < candidateCount; c++) {
            int symbol = candidates[c];
            if (!q.isDeclared(symbol)) continue;
            int decl = t.declarationNode(symbol);
            boolean inside = decl >= 0 && a.start(decl) >= from && a.start(decl) < to;
            int scope = t.scope(symbol);
            boolean moduleLevel = t.scopeParent(scope) < 0;
            if (moduleLevel && !inside) continue; // visible from the new function as it is
            int[][] uses = usesOf(q, symbol);
            int used = -1;
            if (uses == null) {
                if (inside) return null;
                for (int ref : t.references(symbol)) if (a.start(ref) >= from && a.end(ref) <= to) return null; // cannot tell its uses apart
                continue;
            }
            boolean written = false, inClosure = false;
            for (int i = 0; i < uses[0].length; i++) {
                int node = uses[0][i];
                boolean usedInside = a.start(node) >= from && a.end(node) <= to;
                written |= (uses[1][i] & SymbolIndex.WRITE) != 0;
                if (inside && !usedInside) return null; // declared inside, used outside
                if (!inside && usedInside) {
                    if ((uses[1][i] & (SymbolIndex.WRITE | SymbolIndex.TYPE)) != 0) return null; // assigned, or read as a type
                    if (used < 0 || a.start(node) < used) used = a.start(node);
                    inClosure |= insideFunctionWithin(q, node, from);
                }
            }
            // a closure in the selection would capture the parameter, a copy, not the variable assigned elsewhere
            if (written && inClosure) return null;
            if (inside || used < 0) continue;
            int kind = t.kind(symbol);
            boolean value = kind == dev.arenals.parser.scope.SymbolKind.VAR || kind == dev.arenals.parser.scope.SymbolKind.LET
                    || kind == dev.arenals.parser.scope.SymbolKind.CONST || kind == dev.arenals.parser.scope.SymbolKind.PARAMETER
                    || kind == dev.arenals.parser.scope.SymbolKind.CATCH_PARAMETER || kind == dev.arenals.parser.scope.SymbolKind.FUNCTION;
            if (!value) return null; // a local class, type, enum or type parameter
            int at = 0;
            while (at < firstUse.size() && firstUse.get(at) < used) at++;
            params.add(at, symbol);
            firstUse.add(at, used);
        }
        StringBuilder paramText = new StringBuilder(), argText = new StringBuilder();
        for (int symbol : params) {
            if (paramText.length() > 0) { paramText.append(", "); argText.append(", "); }
            paramText.append(t.name(symbol));
            argText.append(t.name(symbol));
            if (a.isTypeScript()) {
                String type = parameterTypeText(q, symbol);
                if (type == null) return null;
                paramText.append(": ").append(type);
            }
        }

        String name = unusedName(q, "newFunction");
        String nl = lineBreak(src, a.sourceLength());
        String unit = indentUnit(src, a.sourceLength());
        StringBuilder fn = new StringBuilder();
        fn.append(nl).append(nl).append(async ? "async " : "").append("function ").append(name).append('(').append(paramText).append(") {").append(nl);
        if (expression >= 0) {
            fn.append(unit).append("return ").append(src, from, to - from).append(';').append(nl);
        } else {
            appendReindented(src, from, to, unit, nl, fn);
        }
        fn.append('}');
        String call = (async ? "await " : "") + name + "(" + argText + ")";
        List<TextEdit> edits = new ArrayList<>(2);
        if (expression >= 0) {
            int parent = q.parentOf(expression);
            if (async && !takesAnyExpression(a, parent, expression)) call = "(" + call + ")";
            edits.add(new TextEdit(q.range(from, to), call));
            edits.add(new TextEdit(q.range(a.end(top), a.end(top)), fn.toString()));
        } else if (a.end(top) == to) {
            edits.add(new TextEdit(q.range(from, to), call + ";" + fn));
        } else {
            edits.add(new TextEdit(q.range(from, to), call + ";"));
            edits.add(new TextEdit(q.range(a.end(top), a.end(top)), fn.toString()));
        }
        return action(q, "Extract to function in module scope", EXTRACT_FUNCTION, edits);
    }

    /** Whether a function (an arrow included) that starts inside the selection holds {@code node}. */
    private static boolean insideFunctionWithin(DocumentQuery q, int node, int from) {
        Arena a = q.arena();
        for (int p = q.parentOf(node); p >= 0 && a.start(p) >= from; p = q.parentOf(p)) {
            int k = a.kind(p);
            if (NodeKind.isFunction(k) || k == METHOD) return true;
        }
        return false;
    }

    private static int[] siblingsFrom(Arena a, int first, int last) {
        int n = 0;
        for (int c = first; ; c = a.nextSibling(c)) { n++; if (c == last) break; }
        int[] out = new int[n];
        n = 0;
        for (int c = first; ; c = a.nextSibling(c)) { out[n++] = c; if (c == last) break; }
        return out;
    }

    /**
     * What running the subtree asks of its function: -1 when it leaves the selection (return, a
     * break or continue to an outer loop, a labelled one) or reads the function's own this,
     * arguments, super or new.target, or yields; 1 when it awaits; 0 otherwise.
     */
    private static int flowOf(Arena a, int root) {
        // depth-first with, per entry, the loops and switches entered and whether a function was
        int[] nodes = {root}, loops = {0}, switches = {0}, fn = {0}; // fn: 0 none, 1 an arrow, 2 a function with its own this
        int sp = 1, result = 0;
        while (sp > 0) {
            sp--;
            int n = nodes[sp], loop = loops[sp], sw = switches[sp], f = fn[sp];
            int k = a.kind(n);
            if (f == 0) {
                if (k == RETURN || k == YIELD) return -1;
                if (k == AWAIT) result = 1;
                if (k == FOR_OF && (a.data(n) & 1) != 0) result = 1; // for await
                if (k == CONTINUE && (loop == 0 || a.firstChild(n) >= 0)) return -1;
                if (k == BREAK && (loop + sw == 0 || a.firstChild(n) >= 0)) return -1;
            }
            if (f < 2) {
                if (k == THIS || k == SUPER || k == META_PROPERTY) return -1;
                if (k == IDENTIFIER_REFERENCE && a.end(n) - a.start(n) == 9 && new String(a.source(), a.start(n), 9).equals("arguments")) return -1;
            }
            int childLoop = loop + (k == FOR || k == FOR_IN || k == FOR_OF || k == WHILE || k == DO_WHILE ? 1 : 0);
            int childSwitch = sw + (k == SWITCH ? 1 : 0);
            int childFn = k == ARROW_FUNCTION ? Math.max(f, 1)
                    : k == FUNCTION_EXPRESSION || k == FUNCTION_DECLARATION || k == METHOD || k == CLASS_BODY ? 2 : f;
            for (int c = a.firstChild(n); c >= 0; c = a.nextSibling(c)) {
                if (sp == nodes.length) {
                    nodes = java.util.Arrays.copyOf(nodes, sp * 2);
                    loops = java.util.Arrays.copyOf(loops, sp * 2);
                    switches = java.util.Arrays.copyOf(switches, sp * 2);
                    fn = java.util.Arrays.copyOf(fn, sp * 2);
                }
                nodes[sp] = c;
                loops[sp] = childLoop;
                switches[sp] = childSwitch;
                fn[sp] = childFn;
                sp++;
            }
        }
        return result;
    }

    /**
     * A parameter's type as its declaration writes it, when every name in it is visible at module
     * level: the annotation of a parameter or variable, or the type of a literal initializer.
     */
    private static String parameterTypeText(DocumentQuery q, int symbol) {
        Arena a = q.arena();
        ScopeTable t = q.scopes();
        int decl = t.declarationNode(symbol), declaring = t.declaringNode(symbol);
        if (decl < 0 || declaring < 0) return null;
        int type = -1;
        boolean optional = false;
        int kind = a.kind(declaring);
        if (kind == VARIABLE_DECLARATOR) {
            if (Layouts.declaratorTarget(a, declaring) != decl) return null; // a destructured name
            type = Layouts.declaratorType(a, declaring);
            if (type < 0) {
                int init = Layouts.declaratorInit(a, declaring);
                if (init < 0) return null;
                switch (a.kind(init)) {
                    case NUMBER_LITERAL: return "number";
                    case STRING_LITERAL: return "string";
                    case BOOLEAN: return "boolean";
                    case BIGINT_LITERAL: return "bigint";
                    case TEMPLATE: return "string";
                    default: return null;
                }
            }
        } else {
            // a parameter: its PARAMETER node holds the annotation (and whether it is optional)
            int param = decl;
            for (int p = q.parentOf(decl); p >= 0 && a.kind(p) != FORMAL_PARAMETERS; p = q.parentOf(p)) param = p;
            if (Layouts.parameterTarget(a, param) != decl) return null;
            type = Layouts.parameterType(a, param);
            optional = a.kind(param) == PARAMETER && (a.data(param) & P_OPTIONAL) != 0;
        }
        if (type < 0) return null;
        // every name the type reads resolves at module level (or is global)
        for (int i = 0, n = t.referenceCount(); i < n; i++) {
            int ref = t.referenceNode(i);
            if (a.start(ref) < a.start(type) || a.end(ref) > a.end(type)) continue;
            int s = t.symbolOfNode(ref);
            if (s >= 0 && q.isDeclared(s) && t.scopeParent(t.scope(s)) >= 0) return null;
        }
        String text = new String(a.source(), a.start(type), a.end(type) - a.start(type));
        return optional ? text + " | undefined" : text;
    }

    /** The selected text's lines, their common indentation replaced by one level. */
    private static void appendReindented(char[] src, int from, int to, String unit, String nl, StringBuilder out) {
        int lineStart = from;
        while (lineStart > 0 && src[lineStart - 1] != '\n' && src[lineStart - 1] != '\r') lineStart--;
        boolean onlySpace = true;
        for (int i = lineStart; i < from; i++) if (src[i] != ' ' && src[i] != '\t') onlySpace = false;
        int start = onlySpace ? lineStart : from;
        List<String> lines = new ArrayList<>();
        int i = start;
        while (i < to) {
            int e = i;
            while (e < to && src[e] != '\n' && src[e] != '\r') e++;
            lines.add(new String(src, i, e - i));
            if (e < to && src[e] == '\r' && e + 1 < to && src[e + 1] == '\n') e++;
            i = e + 1;
        }
        int common = Integer.MAX_VALUE;
        for (int l = 0; l < lines.size(); l++) {
            String line = lines.get(l);
            if (line.isBlank() || (l == 0 && !onlySpace)) continue;
            int w = 0;
            while (w < line.length() && (line.charAt(w) == ' ' || line.charAt(w) == '\t')) w++;
            common = Math.min(common, w);
        }
        if (common == Integer.MAX_VALUE) common = 0;
        for (int l = 0; l < lines.size(); l++) {
            String line = lines.get(l);
            if (line.isBlank()) { out.append(nl); continue; }
            String body = (l == 0 && !onlySpace) ? line : line.substring(Math.min(common, line.length()));
            out.append(unit).append(body).append(nl);
        }
    }

    /** Whether the place of {@code child} under {@code parent} takes any expression without parentheses. */
    private static boolean takesAnyExpression(Arena a, int parent, int child) {
        switch (a.kind(parent)) {
            case VARIABLE_DECLARATOR: case RETURN: case ARRAY: case JSX_EXPRESSION_CONTAINER: case SPREAD: case PARENTHESIZED:
            case TEMPLATE: case THROW: case EXPRESSION_STATEMENT:
                return true;
            case PROPERTY: case CALL: case NEW: case ASSIGNMENT:
                return a.firstChild(parent) != child;
            default:
                return false;
        }
    }

    // ---- inline variable ----

    static CodeAction inlineVariable(DocumentQuery q, int from, int to) {
        Arena a = q.arena();
        ScopeTable t = q.scopes();
        if (a.isDeclarationFile()) return null;
        int node = t.identifierAt(from);
        if (node < 0 || to > a.end(node)) return null;
        int symbol = t.symbolOfNode(node);
        if (symbol < 0) return null;
        int kind = t.kind(symbol);
        if (kind != dev.arenals.parser.scope.SymbolKind.CONST && kind != dev.arenals.parser.scope.SymbolKind.LET
                && kind != dev.arenals.parser.scope.SymbolKind.VAR) return null;
        int decl = t.declarationNode(symbol), declarator = t.declaringNode(symbol);
        if (decl < 0 || declarator < 0 || a.kind(declarator) != VARIABLE_DECLARATOR || Layouts.declaratorTarget(a, declarator) != decl) return null;
        int init = Layouts.declaratorInit(a, declarator);
        if (init < 0) return null;
        int declaration = q.parentOf(declarator);
        if (declaration < 0 || a.kind(declaration) != VARIABLE_DECLARATION || !isStatementList(a.kind(q.parentOf(declaration)))) return null;
        if ((a.data(declaration) & (MOD_DECLARE | MOD_EXPORT)) != 0) return null;
        for (int other = 0, n = t.symbolCount(); other < n; other++) {
            // a second declaration of the name (var x twice) makes the first one's initializer not the only value
            if (other != symbol && t.nameId(other) == t.nameId(symbol) && t.scope(other) == t.scope(symbol)) return null;
        }
        int[][] found = usesOf(q, symbol);
        if (found == null || found[0].length == 0) return null;
        int[] uses = found[0];
        for (int i = 0; i < uses.length; i++) {
            int ref = uses[i], flags = found[1][i];
            // assigned again, read in a type, a JSX tag (<C/> cannot take an expression)
            if ((flags & (SymbolIndex.WRITE | SymbolIndex.TYPE | SymbolIndex.JSX_TAG)) != 0 || (flags & SymbolIndex.READ) == 0) return null;
            if (a.start(ref) < a.end(declarator)) return null; // before its value exists (or inside its own initializer)
            int parent = q.parentOf(ref);
            if (parent < 0 || a.kind(parent) == EXPORT_SPECIFIER || a.kind(parent) == EXPORT_DEFAULT || a.kind(parent) == EXPORT_ASSIGNMENT) return null;
            if (insideType(q, ref)) return null; // typeof x in a type
        }

        Removals.Removal removal = Removals.of(q, symbol, null);
        if (removal == null) return null;
        int fnOfDeclaration = enclosingFunction(q, declarator);
        boolean contextual = usesFunctionContext(a, init);
        boolean repeatable = isRepeatable(a, init);
        if (!repeatable && uses.length > 1) return null;
        if (!namesMeanTheSameAt(q, init, uses)) return null;
        if (readsAssignedName(q, init)) return null; // i may have changed between the declaration and a use
        // a property read or a call may see other state at the use: only where nothing runs in between
        if (readsMutableState(a, init) && (uses.length > 1 || q.parentOf(declaration) != parentStatementList(q, uses[0])
                || a.nextSibling(declaration) != statementOf(q, uses[0]))) return null;

        char[] src = a.source();
        String value = new String(src, a.start(init), a.end(init) - a.start(init));
        List<TextEdit> edits = new ArrayList<>(uses.length + 1);
        for (int use : uses) {
            int fn = enclosingFunction(q, use);
            if (fn != fnOfDeclaration && contextual) return null;
            if (!repeatable && (fn != fnOfDeclaration || insideLoopBetween(q, use, declaration))) return null;
            int parent = q.parentOf(use);
            String text;
            if (a.kind(parent) == PROPERTY && (a.data(parent) & P_SHORTHAND) != 0) text = t.name(symbol) + ": " + value;
            else text = needsParentheses(a, init, parent, use) ? "(" + value + ")" : value;
            edits.add(new TextEdit(q.range(a.start(use), a.end(use)), text));
        }
        edits.add(new TextEdit(q.range(removal.start(), removal.end()), removal.text()));
        return action(q, "Inline variable", INLINE_VARIABLE, edits);
    }

    /**
     * Every use of the symbol in the file, JSX tags included ({@code <C/>} names C though the binder
     * does not resolve it), as {nodes, flags} of {@link SymbolIndex}; null when an {@code export { x }}
     * names it (other files read it then) or it shares its name's declarations with another symbol.
     */
    private static int[][] usesOf(DocumentQuery q, int symbol) {
        SymbolIndex index = q.index();
        int group = index.groupOf(symbol);
        if (group < 0 || index.declarationCount(group) > 1) return null;
        int n = index.occurrenceCount(group), count = 0;
        int[] nodes = new int[n], flags = new int[n];
        for (int i = 0; i < n; i++) {
            int f = index.occurrenceFlags(group, i);
            if ((f & SymbolIndex.EXPORT_LOCAL) != 0) return null;
            if ((f & SymbolIndex.DECLARATION) != 0) continue;
            nodes[count] = index.occurrenceNode(group, i);
            flags[count++] = f;
        }
        return new int[][] {java.util.Arrays.copyOf(nodes, count), java.util.Arrays.copyOf(flags, count)};
    }

    private static boolean insideType(DocumentQuery q, int node) {
        Arena a = q.arena();
        for (int p = q.parentOf(node); p >= 0 && !isStatementList(a.kind(p)); p = q.parentOf(p)) {
            if (isType(a.kind(p))) return true;
        }
        return false;
    }

    /** The nearest function (any kind, arrows included) or class member holding {@code node}, or -1 at the top. */
    private static int enclosingFunction(DocumentQuery q, int node) {
        Arena a = q.arena();
        for (int p = q.parentOf(node); p >= 0; p = q.parentOf(p)) {
            int k = a.kind(p);
            if (NodeKind.isFunction(k) || k == METHOD || k == FIELD || k == STATIC_BLOCK) return p;
        }
        return -1;
    }

    /** Whether the expression reads its function's context: this, super, arguments, new.target, await, yield. */
    private static boolean usesFunctionContext(Arena a, int expression) {
        return anyNode(a, expression, n -> {
            int k = a.kind(n);
            return k == THIS || k == SUPER || k == META_PROPERTY || k == AWAIT || k == YIELD
                    || k == IDENTIFIER_REFERENCE && a.end(n) - a.start(n) == 9 && new String(a.source(), a.start(n), 9).equals("arguments");
        }, k -> k == FUNCTION_EXPRESSION || k == CLASS_EXPRESSION); // their own context
    }

    /**
     * Whether evaluating the expression again gives the same value and does nothing else: names,
     * literals, member reads, operators; no call, construction, assignment, and no literal that makes
     * a new object each time (an object, array, function, class or regular expression).
     */
    private static boolean isRepeatable(Arena a, int expression) {
        return !anyNode(a, expression, n -> {
            switch (a.kind(n)) {
                case CALL: case NEW: case TAGGED_TEMPLATE: case ASSIGNMENT: case UPDATE: case AWAIT: case YIELD: case IMPORT_CALL:
                case OBJECT: case ARRAY: case FUNCTION_EXPRESSION: case ARROW_FUNCTION: case CLASS_EXPRESSION: case REGEX_LITERAL:
                case JSX_ELEMENT: case JSX_FRAGMENT:
                    return true;
                case UNARY:
                    return a.data(n) == dev.arenals.parser.lexer.Token.K_DELETE;
                default:
                    return false;
            }
        }, k -> false);
    }

    /** Whether the expression reads a local or module variable that is assigned somewhere (after its declaration). */
    private static boolean readsAssignedName(DocumentQuery q, int expression) {
        Arena a = q.arena();
        ScopeTable t = q.scopes();
        for (int i = 0, n = t.referenceCount(); i < n; i++) {
            int ref = t.referenceNode(i);
            if (a.start(ref) < a.start(expression) || a.end(ref) > a.end(expression)) continue;
            int symbol = t.symbolOfNode(ref);
            if (symbol < 0) continue;
            int[][] uses = usesOf(q, symbol);
            if (uses == null) return true;
            for (int f : uses[1]) if ((f & SymbolIndex.WRITE) != 0) return true;
        }
        return false;
    }

    /** Whether the expression reads properties or calls: what it gives may change with time. */
    private static boolean readsMutableState(Arena a, int expression) {
        return anyNode(a, expression, n -> {
            int k = a.kind(n);
            return k == MEMBER || k == CALL || k == NEW || k == TAGGED_TEMPLATE || k == AWAIT || k == YIELD || k == IMPORT_CALL;
        }, k -> k == FUNCTION_EXPRESSION || k == ARROW_FUNCTION || k == CLASS_EXPRESSION); // not run where it stands
    }

    /** Whether a node of the subtree passes {@code test}, not looking below nodes whose kind is {@code opaque}. */
    static boolean anyNode(Arena a, int root, java.util.function.IntPredicate test, java.util.function.IntPredicate opaque) {
        int[] stack = {root};
        int sp = 1;
        while (sp > 0) {
            int n = stack[--sp];
            if (test.test(n)) return true;
            if (opaque.test(a.kind(n))) continue;
            for (int c = a.firstChild(n); c >= 0; c = a.nextSibling(c)) {
                if (sp == stack.length) stack = java.util.Arrays.copyOf(stack, sp * 2);
                stack[sp++] = c;
            }
        }
        return false;
    }

    /** The statement of a statement list that holds {@code node}. */
    private static int statementOf(DocumentQuery q, int node) {
        Arena a = q.arena();
        int child = node;
        for (int p = q.parentOf(node); p >= 0; child = p, p = q.parentOf(p)) {
            if (isStatementList(a.kind(p)) && isStatement(a.kind(child))) return child;
        }
        return -1;
    }

    private static int parentStatementList(DocumentQuery q, int node) {
        int statement = statementOf(q, node);
        return statement < 0 ? -1 : q.parentOf(statement);
    }

    /** Whether a loop statement lies between the use and the declaration's statement: the use would run more often. */
    private static boolean insideLoopBetween(DocumentQuery q, int use, int declaration) {
        Arena a = q.arena();
        int list = q.parentOf(declaration);
        for (int p = q.parentOf(use); p >= 0 && p != list; p = q.parentOf(p)) {
            int k = a.kind(p);
            if (k == FOR || k == FOR_IN || k == FOR_OF || k == WHILE || k == DO_WHILE) return true;
        }
        return false;
    }

    /**
     * Whether every name the initializer reads means the same at each use: no declaration of that
     * name in a scope between a use and the scope the initializer found it in.
     */
    private static boolean namesMeanTheSameAt(DocumentQuery q, int init, int[] uses) {
        Arena a = q.arena();
        ScopeTable t = q.scopes();
        int from = a.start(init), to = a.end(init);
        for (int i = 0, n = t.referenceCount(); i < n; i++) {
            int ref = t.referenceNode(i);
            if (a.start(ref) < from || a.end(ref) > to) continue;
            int symbol = t.symbolOfNode(ref);
            if (symbol >= 0) {
                int declAt = t.declarationNode(symbol) < 0 ? -1 : a.start(t.declarationNode(symbol));
                if (declAt >= from && declAt < to) continue; // declared inside the initializer (an arrow's parameter)
            }
            int name = a.data(ref);
            int stop = symbol >= 0 && q.isDeclared(symbol) ? t.scope(symbol) : -1;
            boolean[] declares = declaringScopes(q, name, symbol);
            if (declares == null) continue;
            for (int use : uses) {
                for (int x = t.scopeAt(a.start(use)); x >= 0 && x != stop; x = t.scopeParent(x)) {
                    if (declares[x]) return false;
                }
            }
        }
        return true;
    }

    /** The scopes that declare another symbol named {@code name}, or null when none does. */
    private static boolean[] declaringScopes(DocumentQuery q, int name, int except) {
        ScopeTable t = q.scopes();
        boolean[] out = null;
        for (int s = 0, n = t.symbolCount(); s < n; s++) {
            if (s == except || t.nameId(s) != name || !q.isDeclared(s)) continue;
            if (out == null) out = new boolean[t.scopeCount()];
            out[t.scope(s)] = true;
        }
        return out;
    }

    /** Whether the initializer needs parentheses in the use's place. */
    private static boolean needsParentheses(Arena a, int init, int parent, int use) {
        if (a.kind(parent) == NEW && a.firstChild(parent) == use && callOnReceiverPath(a, init)) return true; // new (f())()
        switch (a.kind(init)) {
            case IDENTIFIER_REFERENCE: case THIS: case NULL: case BOOLEAN: case NUMBER_LITERAL: case BIGINT_LITERAL: case STRING_LITERAL:
            case TEMPLATE: case ARRAY: case PARENTHESIZED: case MEMBER: case CALL: case IMPORT_CALL: case NON_NULL: case REGEX_LITERAL:
                return a.kind(init) == NUMBER_LITERAL && a.kind(parent) == MEMBER && a.firstChild(parent) == use; // 1.toString()
            default:
        }
        // a place that takes any assignment expression; not a statement's start, where { or function would begin something else
        boolean anything = takesAnyExpression(a, parent, use) && a.kind(parent) != EXPRESSION_STATEMENT;
        return !anything || a.kind(init) == SEQUENCE;
    }

    /** Whether a call is on the receiver path of the expression: {@code f()}, {@code f().g}, {@code a.b()!}. */
    private static boolean callOnReceiverPath(Arena a, int expression) {
        for (int n = expression; n >= 0; n = a.firstChild(n)) {
            int k = a.kind(n);
            if (k == CALL || k == TAGGED_TEMPLATE || k == IMPORT_CALL) return true;
            if (k != MEMBER && k != NON_NULL) return false;
        }
        return false;
    }

    // ---- convert to template string ----

    static CodeAction templateString(DocumentQuery q, int from, int to) {
        Arena a = q.arena();
        int node = innermostHolding(a, from, to);
        int top = -1;
        for (int n = node; n >= 0; n = q.parentOf(n)) {
            if (isPlus(a, n)) { top = n; continue; }
            if (top >= 0) {
                String template = asTemplate(a, top);
                if (template != null) {
                    return action(q, "Convert to template string", TEMPLATE_STRING, List.of(new TextEdit(q.range(a.start(top), a.end(top)), template)));
                }
                top = -1;
            }
            if (isStatement(a.kind(n)) || NodeKind.isFunction(a.kind(n))) return null;
        }
        return null;
    }

    private static boolean isPlus(Arena a, int n) {
        return a.kind(n) == BINARY && a.data(n) == dev.arenals.parser.lexer.Token.PLUS;
    }

    /** The chain of + under {@code top} as one template literal, or null (no string in it, or it cannot be written exactly). */
    private static String asTemplate(Arena a, int top) {
        // a + b + c is ((a + b) + c): the right operands from the top down, then the leftmost, read backwards
        int[] reversed = new int[8];
        int count = 0, n = top;
        while (isPlus(a, n)) {
            if (count == reversed.length) reversed = java.util.Arrays.copyOf(reversed, count * 2);
            reversed[count++] = a.nextSibling(a.firstChild(n));
            n = a.firstChild(n);
        }
        if (count == reversed.length) reversed = java.util.Arrays.copyOf(reversed, count + 1);
        reversed[count++] = n;
        int[] operands = new int[count];
        for (int i = 0; i < count; i++) operands[i] = reversed[count - 1 - i];
        int first = -1;
        for (int i = 0; i < count && first < 0; i++) if (isStringLike(a, operands[i])) first = i;
        if (first < 0) return null;
        char[] src = a.source();
        // between the operands from the first string on: only spaces and the +, so nothing is lost
        for (int i = Math.max(1, first); i < count; i++) {
            int plus = 0;
            for (int c = a.end(operands[i - 1]); c < a.start(operands[i]); c++) {
                if (src[c] == '+') plus++;
                else if (!Character.isWhitespace(src[c])) return null;
            }
            if (plus != 1) return null;
        }
        StringBuilder out = new StringBuilder("`");
        if (first > 0) {
            // what is added before the first string is added as it was (numbers stay numbers), then concatenated
            int headStart = a.start(operands[0]), headEnd = a.end(operands[first - 1]);
            out.append("${").append(src, headStart, headEnd - headStart).append('}');
        }
        for (int i = first; i < count; i++) {
            int op = operands[i];
            int bodyStart = a.start(op) + 1, bodyEnd = a.end(op) - 1;
            // "$" + "{a}" must not become ${a}: a { right after a $ is escaped (\{ is a plain { in a template)
            if ((a.kind(op) == STRING_LITERAL || a.kind(op) == TEMPLATE) && bodyStart < bodyEnd && src[bodyStart] == '{'
                    && out.length() > 0 && out.charAt(out.length() - 1) == '$') out.append('\\');
            if (a.kind(op) == STRING_LITERAL) {
                if (!appendStringContent(src, bodyStart, bodyEnd, out)) return null;
            } else if (a.kind(op) == TEMPLATE) {
                out.append(src, bodyStart, bodyEnd - bodyStart);
            } else {
                int inner = a.kind(op) == PARENTHESIZED ? a.firstChild(op) : op;
                out.append("${").append(src, a.start(inner), a.end(inner) - a.start(inner)).append('}');
            }
        }
        return out.append('`').toString();
    }

    private static boolean isStringLike(Arena a, int n) {
        return a.kind(n) == STRING_LITERAL || a.kind(n) == TEMPLATE;
    }

    /** A string literal's body as template text: escapes kept, ` and ${ escaped; false for a legacy octal escape (not allowed in templates). */
    private static boolean appendStringContent(char[] src, int from, int to, StringBuilder out) {
        for (int i = from; i < to; i++) {
            char c = src[i];
            if (c == '\\' && i + 1 < to) {
                char next = src[i + 1];
                if (next >= '1' && next <= '9' || next == '0' && i + 2 < to && src[i + 2] >= '0' && src[i + 2] <= '9') return false;
                out.append(c).append(next);
                i++;
            } else if (c == '`') {
                out.append("\\`");
            } else if (c == '$' && i + 1 < to && src[i + 1] == '{') {
                out.append("\\$");
            } else {
                out.append(c);
            }
        }
        return true;
    }

    /** The innermost node whose range holds [from, to). */
    /** The deepest node whose range holds [from, to] (nodes without text passed over). */
    static int innermostHolding(Arena a, int from, int to) {
        int node = a.root();
        while (true) {
            int next = -1;
            for (int c = a.firstChild(node); c >= 0; c = a.nextSibling(c)) {
                if (a.start(c) <= from && a.end(c) >= to && a.end(c) > a.start(c)) next = c;
            }
            if (next < 0) return node;
            node = next;
        }
    }

    // ---- named imports <-> namespace import ----

    static CodeAction convertImport(DocumentQuery q, int from, int to, boolean toNamed, boolean toNamespace) {
        Arena a = q.arena();
        int declaration = innermostHolding(a, from, to);
        while (declaration >= 0 && a.kind(declaration) != IMPORT_DECLARATION) {
            if (isStatement(a.kind(declaration))) return null;
            declaration = q.parentOf(declaration);
        }
        if (declaration < 0) return null;
        int namespace = -1, firstNamed = -1, lastNamed = -1;
        for (int c = a.firstChild(declaration); c >= 0; c = a.nextSibling(c)) {
            if (a.kind(c) == IMPORT_NAMESPACE_SPECIFIER) namespace = c;
            if (a.kind(c) == IMPORT_SPECIFIER) {
                if (firstNamed < 0) firstNamed = c;
                lastNamed = c;
            }
        }
        if (namespace >= 0 && toNamed) return namespaceToNamed(q, namespace);
        if (firstNamed >= 0 && toNamespace) return namedToNamespace(q, declaration, firstNamed, lastNamed);
        return null;
    }

    private static CodeAction namespaceToNamed(DocumentQuery q, int namespace) {
        Arena a = q.arena();
        ScopeTable t = q.scopes();
        int binding = a.firstChild(namespace);
        int symbol = t.symbolOfNode(binding);
        if (symbol < 0) return null;
        int[][] found = usesOf(q, symbol);
        if (found == null) return null;
        int[] uses = found[0];
        List<TextEdit> edits = new ArrayList<>(uses.length + 1);
        List<String> names = new ArrayList<>();
        char[] src = a.source();
        for (int use : uses) {
            int parent = q.parentOf(use);
            if (parent < 0 || a.firstChild(parent) != use) return null;
            int pk = a.kind(parent);
            boolean member = pk == MEMBER && (a.data(parent) & (M_COMPUTED | M_OPTIONAL)) == 0;
            if (!member && pk != QUALIFIED_NAME && pk != JSX_MEMBER_EXPRESSION) return null; // ns alone, ns[k], ns?.a
            int property = a.nextSibling(use);
            if (property < 0 || a.kind(property) != IDENTIFIER_NAME) return null;
            String name = new String(src, a.start(property), a.end(property) - a.start(property));
            if (Names.bindingProblem(name) != null) return null;
            if (pk == JSX_MEMBER_EXPRESSION && !Character.isUpperCase(name.charAt(0))) return null; // <ns.div> would become the tag div
            if (!names.contains(name)) {
                if (nameTaken(q, a.data(property))) return null;
                names.add(name);
            }
            edits.add(new TextEdit(q.range(a.start(parent), a.end(parent)), name));
        }
        if (names.isEmpty()) return null;
        edits.add(new TextEdit(q.range(a.start(namespace), a.end(namespace)), "{ " + String.join(", ", names) + " }"));
        return action(q, "Convert namespace import to named imports", TO_NAMED_IMPORTS, edits);
    }

    /** Whether a declaration in the file, or a global the file reads, already has this name: importing it would capture or shadow. */
    private static boolean nameTaken(DocumentQuery q, int name) {
        ScopeTable t = q.scopes();
        Arena a = q.arena();
        for (int s = 0, n = t.symbolCount(); s < n; s++) if (t.nameId(s) == name) return true;
        for (int i = 0, n = t.referenceCount(); i < n; i++) if (a.data(t.referenceNode(i)) == name) return true;
        return false;
    }

    private static CodeAction namedToNamespace(DocumentQuery q, int declaration, int firstNamed, int lastNamed) {
        Arena a = q.arena();
        ScopeTable t = q.scopes();
        char[] src = a.source();
        int source = -1;
        for (int c = a.firstChild(declaration); c >= 0; c = a.nextSibling(c)) if (a.kind(c) == STRING_LITERAL) source = c;
        if (source < 0) return null;
        String namespace = unusedName(q, namespaceNameOf(new String(src, a.start(source) + 1, a.end(source) - a.start(source) - 2)));
        List<TextEdit> edits = new ArrayList<>();
        for (int spec = firstNamed; spec >= 0 && a.kind(spec) == IMPORT_SPECIFIER; spec = a.nextSibling(spec)) {
            int imported = a.firstChild(spec), local = a.nextSibling(imported);
            if (a.kind(imported) != IDENTIFIER_NAME || local < 0) return null; // "a-b" as x: no plain member name
            String importedName = new String(src, a.start(imported), a.end(imported) - a.start(imported));
            if (importedName.equals("default")) return null;
            int symbol = t.symbolOfNode(local);
            if (symbol < 0) return null;
            String localName = t.name(symbol);
            int[][] found = usesOf(q, symbol);
            if (found == null) return null;
            for (int use : found[0]) {
                int parent = q.parentOf(use);
                if (parent >= 0 && a.kind(parent) == PROPERTY && (a.data(parent) & P_SHORTHAND) != 0) {
                    edits.add(new TextEdit(q.range(a.start(use), a.end(use)), localName + ": " + namespace + "." + importedName));
                } else {
                    edits.add(new TextEdit(q.range(a.start(use), a.end(use)), namespace + "." + importedName));
                }
            }
        }
        // the braces around the specifiers become * as N
        int open = a.start(firstNamed), close = a.end(lastNamed);
        while (open > a.start(declaration) && src[open - 1] != '{') open--;
        while (close < a.end(declaration) && src[close] != '}') close++;
        if (open <= a.start(declaration) || close >= a.end(declaration)) return null;
        edits.add(new TextEdit(q.range(open - 1, close + 1), "* as " + namespace));
        return action(q, "Convert named imports to namespace import", TO_NAMESPACE_IMPORT, edits);
    }

    /** {@code base}, or base_1, base_2, …: the first that no declaration or reference in the file has (names of properties do not count). */
    static String unusedName(DocumentQuery q, String base) {
        dev.arenals.parser.tree.NameTable names = q.arena().names();
        for (int i = 0; ; i++) {
            String name = i == 0 ? base : base + "_" + i;
            char[] chars = name.toCharArray();
            int id = names.find(chars, 0, chars.length);
            if (id < 0 || !nameTaken(q, id)) return name;
        }
    }

    /** A namespace name from a module specifier: its last segment without extension, in camel case ("./date-utils.js" is dateUtils). */
    static String namespaceNameOf(String specifier) {
        String last = specifier.substring(specifier.lastIndexOf('/') + 1);
        int dot = last.indexOf('.');
        if (dot > 0) last = last.substring(0, dot);
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (int i = 0; i < last.length(); i++) {
            char c = last.charAt(i);
            if (Character.isLetterOrDigit(c) || c == '_' || c == '$') {
                if (out.length() == 0 && Character.isDigit(c)) out.append('_');
                out.append(upper && out.length() > 0 ? Character.toUpperCase(c) : c);
                upper = false;
            } else {
                upper = true;
            }
        }
        String name = out.toString();
        return Names.bindingProblem(name) != null ? "ns" : name;
    }

    // ---- function expression <-> arrow function ----

    static CodeAction convertFunction(DocumentQuery q, int from, int to, boolean toArrow, boolean toFunction) {
        Arena a = q.arena();
        int fn = innermostFunctionAt(q, from, to);
        if (fn < 0) return null;
        int k = a.kind(fn);
        int body = k == ARROW_FUNCTION ? Layouts.arrowBody(a, fn) : Layouts.functionBody(a, fn);
        int params = Layouts.functionParameters(a, fn);
        if (body < 0 || params < 0 || from >= a.start(body)) return null; // on the head only
        if (k == FUNCTION_EXPRESSION && toArrow) return functionToArrow(q, fn, params, body);
        if (k == ARROW_FUNCTION && toFunction) return arrowToFunction(q, fn, params, body);
        return null;
    }

    /** Whether the function's own parameters or body read its this, arguments, super or new.target (arrows inside included: they share them). */
    private static boolean readsOwnContext(Arena a, int fn) {
        for (int c = a.firstChild(fn); c >= 0; c = a.nextSibling(c)) {
            boolean found = anyNode(a, c, n -> {
                int k = a.kind(n);
                return k == THIS || k == SUPER || k == META_PROPERTY
                        || k == IDENTIFIER_REFERENCE && a.end(n) - a.start(n) == 9 && new String(a.source(), a.start(n), 9).equals("arguments");
            }, k -> k == FUNCTION_EXPRESSION || k == FUNCTION_DECLARATION || k == METHOD || k == CLASS_BODY);
            if (found) return true;
        }
        return false;
    }

    private static CodeAction functionToArrow(DocumentQuery q, int fn, int params, int body) {
        Arena a = q.arena();
        char[] src = a.source();
        if ((a.data(fn) & F_GENERATOR) != 0 || readsOwnContext(a, fn)) return null;
        // written with the function keyword: an object literal's method m() {} is a function expression too, with none
        int keyword = a.start(fn);
        if ((a.data(fn) & F_ASYNC) != 0 && startsWithWord(src, keyword, a.end(fn), "async")) {
            keyword += 5;
            while (keyword < a.end(fn) && Character.isWhitespace(src[keyword])) keyword++;
        }
        if (!startsWithWord(src, keyword, a.end(fn), "function")) return null;
        int name = Layouts.functionName(a, fn);
        if (name >= 0) {
            int symbol = q.scopes().symbolOfNode(name);
            int[][] uses = symbol < 0 ? null : usesOf(q, symbol);
            if (uses == null || uses[0].length > 0) return null; // it calls itself by its name
        }
        int parent = q.parentOf(fn);
        if (parent >= 0 && a.kind(parent) == NEW && a.firstChild(parent) == fn) return null; // an arrow cannot be constructed
        int first = a.firstChild(params);
        if (first >= 0 && a.kind(first) == PARAMETER && a.end(a.firstChild(first)) - a.start(a.firstChild(first)) == 4
                && new String(src, a.start(a.firstChild(first)), 4).equals("this")) return null; // a this parameter
        int typeParams = Layouts.functionTypeParameters(a, fn);
        if (typeParams >= 0 && isTsx(q)) return null; // <T>( would read as JSX
        int headStart = typeParams >= 0 ? a.start(typeParams) : a.start(params);
        int returnType = Layouts.functionReturnType(a, fn);
        int headEnd = returnType >= 0 ? a.end(returnType) : a.end(params);
        if (src[a.start(params)] != '(') return null;
        String arrow = ((a.data(fn) & F_ASYNC) != 0 ? "async " : "") + new String(src, headStart, headEnd - headStart) + " => "
                + new String(src, a.start(body), a.end(body) - a.start(body));
        if (parent >= 0 && !takesAnyExpression(a, parent, fn)) arrow = "(" + arrow + ")";
        return action(q, "Convert to arrow function", TO_ARROW, List.of(new TextEdit(q.range(a.start(fn), a.end(fn)), arrow)));
    }

    private static CodeAction arrowToFunction(DocumentQuery q, int fn, int params, int body) {
        Arena a = q.arena();
        char[] src = a.source();
        if (readsOwnContext(a, fn)) return null; // a function would have its own this and arguments
        int parent = q.parentOf(fn);
        String out = functionText(a, fn, params, body, "");
        // at the start of a statement `function` would begin a declaration
        if (parent >= 0 && a.kind(parent) == EXPRESSION_STATEMENT || startsStatement(q, fn)) out = "(" + out + ")";
        return action(q, "Convert to anonymous function", TO_FUNCTION, List.of(new TextEdit(q.range(a.start(fn), a.end(fn)), out)));
    }

    /**
     * "Convert to named function": {@code const f = (x) => …;} or {@code const f = function (x) {…};}
     * as {@code function f(x) {…}} ({@code export} kept). Refused where a declaration would mean
     * something else: the function reads its own {@code this}, {@code arguments}, {@code super} or
     * {@code new.target} (an arrow's are the surrounding ones), a function expression calls itself
     * by a name of its own, the const has a type annotation (its contextual type types the
     * parameters), several declarators, or a name declared twice; and in a declare context.
     */
    static CodeAction toNamedFunction(DocumentQuery q, int from, int to) {
        Arena a = q.arena();
        char[] src = a.source();
        // on the function's head, or on the const's name before it
        int fn = -1;
        for (int n = innermostHolding(a, from, to); n >= 0 && fn < 0; n = q.parentOf(n)) {
            if (NodeKind.isFunction(a.kind(n)) || a.kind(n) == METHOD) fn = n;
            else if (a.kind(n) == VARIABLE_DECLARATOR) fn = Layouts.declaratorInit(a, n);
        }
        if (fn < 0 || a.kind(fn) != ARROW_FUNCTION && a.kind(fn) != FUNCTION_EXPRESSION) return null;
        int declarator = q.parentOf(fn);
        if (declarator < 0 || a.kind(declarator) != VARIABLE_DECLARATOR || Layouts.declaratorInit(a, declarator) != fn) return null;
        int name = a.firstChild(declarator);
        if (name < 0 || a.kind(name) != BINDING_IDENTIFIER || a.nextSibling(name) != fn) return null; // a pattern, or a type annotation
        int list = q.parentOf(declarator);
        if (list < 0 || a.kind(list) != VARIABLE_DECLARATION || (a.data(list) & 0xFF) != VAR_CONST || a.firstChild(list) != declarator
                || a.nextSibling(declarator) >= 0) return null;
        int statement = list, container = q.parentOf(list);
        if (container >= 0 && a.kind(container) == EXPORT_NAMED) { statement = container; container = q.parentOf(container); }
        // not in a block: a function declared there is also a var of the function around it in sloppy scripts (Annex B)
        if (container < 0 || container != a.root() && a.kind(container) != FUNCTION_BODY && a.kind(container) != MODULE_BLOCK || isAmbient(a, list)) return null;
        int k = a.kind(fn);
        int body = k == ARROW_FUNCTION ? Layouts.arrowBody(a, fn) : Layouts.functionBody(a, fn);
        int params = Layouts.functionParameters(a, fn);
        if (body < 0 || params < 0 || from >= a.start(body) || from < a.start(statement)) return null; // on the head only
        if (readsOwnContext(a, fn)) return null;
        int group = q.index().groupOf(q.symbolOfNode(name));
        if (group < 0 || q.index().declarationCount(group) > 1) return null;
        if (k == FUNCTION_EXPRESSION) {
            int own = Layouts.functionName(a, fn);
            int ownSymbol = own < 0 ? -1 : q.scopes().symbolOfNode(own);
            int[][] ownUses = ownSymbol < 0 ? null : usesOf(q, ownSymbol);
            if (own >= 0 && (ownUses == null || ownUses[0].length > 0)) return null; // it calls itself by that name
            int keyword = a.start(fn);
            if ((a.data(fn) & F_ASYNC) != 0 && startsWithWord(src, keyword, a.end(fn), "async")) {
                keyword += 5;
                while (keyword < a.end(fn) && Character.isWhitespace(src[keyword])) keyword++;
            }
            if (!startsWithWord(src, keyword, a.end(fn), "function")) return null;
        }
        String text = (statement != list ? "export " : "") + functionText(a, fn, params, body, a.text(a.start(name), a.end(name)));
        return action(q, "Convert to named function", TO_NAMED_FUNCTION, List.of(new TextEdit(q.range(a.start(statement), a.end(statement)), text)));
    }

    /**
     * {@code [async ]function[*] name<T>(params): R { … }} for a function expression or an arrow,
     * its parts as written ({@code name} empty for an anonymous one; an expression body as
     * {@code { return …; }}, an object literal without its parentheses).
     */
    private static String functionText(Arena a, int fn, int params, int body, String name) {
        char[] src = a.source();
        int typeParams = Layouts.functionTypeParameters(a, fn);
        int returnType = Layouts.functionReturnType(a, fn);
        StringBuilder text = new StringBuilder();
        if ((a.data(fn) & F_ASYNC) != 0) text.append("async ");
        text.append((a.data(fn) & F_GENERATOR) != 0 ? "function* " : "function ").append(name);
        if (typeParams >= 0) text.append(src, a.start(typeParams), a.end(typeParams) - a.start(typeParams));
        boolean parenthesized = src[a.start(params)] == '(';
        text.append(parenthesized ? "" : "(").append(src, a.start(params), a.end(params) - a.start(params)).append(parenthesized ? "" : ")");
        if (returnType >= 0) text.append(": ").append(src, a.start(returnType), a.end(returnType) - a.start(returnType));
        text.append(' ');
        if (a.kind(body) == FUNCTION_BODY) {
            text.append(src, a.start(body), a.end(body) - a.start(body));
        } else {
            int value = a.kind(body) == PARENTHESIZED && a.kind(a.firstChild(body)) == OBJECT ? a.firstChild(body) : body;
            text.append("{ return ").append(src, a.start(value), a.end(value) - a.start(value)).append("; }");
        }
        return text.toString();
    }

    /** Whether the node is the first thing of an expression statement (f = x => 1 is not; (x => 1)() is not, its parentheses are). */
    private static boolean startsStatement(DocumentQuery q, int node) {
        Arena a = q.arena();
        int child = node;
        for (int p = q.parentOf(node); p >= 0; child = p, p = q.parentOf(p)) {
            if (a.start(p) != a.start(node) || a.kind(p) == PARENTHESIZED) return false;
            if (a.kind(p) == EXPRESSION_STATEMENT) return true;
            if (a.kind(p) == EXPORT_DEFAULT) return true; // export default function () {} is a declaration too; keep it an expression
        }
        return false;
    }

    private static boolean startsWithWord(char[] src, int at, int end, String word) {
        if (at + word.length() > end) return false;
        for (int i = 0; i < word.length(); i++) if (src[at + i] != word.charAt(i)) return false;
        return at + word.length() == end || !Character.isJavaIdentifierPart(src[at + word.length()]);
    }

    private static boolean isTsx(DocumentQuery q) {
        return q.document().language() == dev.arenals.parser.Language.TSX;
    }

    // ---- arrow braces ----

    static CodeAction arrowBraces(DocumentQuery q, int from, int to) {
        Arena a = q.arena();
        int arrow = innermostFunctionAt(q, from, to);
        if (arrow < 0 || a.kind(arrow) != ARROW_FUNCTION) return null;
        int body = Layouts.arrowBody(a, arrow);
        if (body < 0) return null;
        char[] src = a.source();
        if (from >= a.start(body) && a.kind(body) == FUNCTION_BODY) {
            // inside a block body: only on the arrow's head, so a cursor in a long body does not always offer it
            return null;
        }
        List<TextEdit> edits = new ArrayList<>(1);
        String title;
        if (a.kind(body) == FUNCTION_BODY) {
            int ret = a.firstChild(body);
            if (ret < 0 || a.nextSibling(ret) >= 0 || a.kind(ret) != RETURN) return null;
            int value = a.firstChild(ret);
            if (value < 0) return null;
            // comments or anything but the return would be lost
            if (!blank(src, a.start(body) + 1, a.start(ret)) || !blank(src, a.start(ret) + "return".length(), a.start(value))) return null;
            int after = a.end(value);
            while (after < a.end(ret) && Character.isWhitespace(src[after])) after++;
            if (after < a.end(ret) && src[after] == ';') after++;
            if (after != a.end(ret) || !blank(src, a.end(ret), a.end(body) - 1)) return null;
            String text = new String(src, a.start(value), a.end(value) - a.start(value));
            int vk = a.kind(value);
            if (vk == OBJECT || vk == SEQUENCE || startsWithBrace(src, a.start(value), a.end(value)) && vk != PARENTHESIZED) text = "(" + text + ")";
            edits.add(new TextEdit(q.range(a.start(body), a.end(body)), text));
            title = "Remove braces from arrow function";
        } else {
            int valueStart = a.start(body), valueEnd = a.end(body);
            if (a.kind(body) == PARENTHESIZED && a.kind(a.firstChild(body)) == OBJECT) {
                int inner = a.firstChild(body);
                valueStart = a.start(inner);
                valueEnd = a.end(inner);
            }
            String indent = lineIndent(src, a.start(arrow));
            String unit = indentUnit(src, a.sourceLength());
            String nl = lineBreak(src, a.sourceLength());
            String value = new String(src, valueStart, valueEnd - valueStart);
            edits.add(new TextEdit(q.range(a.start(body), a.end(body)), "{" + nl + indent + unit + "return " + value + ";" + nl + indent + "}"));
            title = "Add braces to arrow function";
        }
        // TypeScript's kinds say which way (refactor.rewrite.arrow.braces.add / .remove): a client may ask for one
        return action(q, title, ARROW_BRACES + (title.startsWith("Add") ? ".add" : ".remove"), edits);
    }

    /** The innermost function-like node whose range holds [from, to), or -1. */
    private static int innermostFunctionAt(DocumentQuery q, int from, int to) {
        Arena a = q.arena();
        for (int n = innermostHolding(a, from, to); n >= 0; n = q.parentOf(n)) {
            if (NodeKind.isFunction(a.kind(n)) || a.kind(n) == METHOD) return n;
        }
        return -1;
    }

    private static boolean blank(char[] src, int from, int to) {
        for (int i = from; i < to; i++) if (!Character.isWhitespace(src[i])) return false;
        return true;
    }

    private static boolean startsWithBrace(char[] src, int from, int to) {
        return from < to && (src[from] == '{');
    }

    /** The whitespace that starts the line holding {@code offset}. */
    static String lineIndent(char[] src, int offset) {
        int lineStart = offset;
        while (lineStart > 0 && src[lineStart - 1] != '\n' && src[lineStart - 1] != '\r') lineStart--;
        int end = lineStart;
        while (src[end] == ' ' || src[end] == '\t') end++;
        return new String(src, lineStart, end - lineStart);
    }

    /** One level of indentation as the file writes it: the first indented line's tab, or its spaces (2 to 8), else four spaces. */
    static String indentUnit(char[] src, int length) {
        boolean lineStart = true;
        for (int i = 0; i < length; i++) {
            char c = src[i];
            if (c == '\n' || c == '\r') { lineStart = true; continue; }
            if (lineStart && c == '\t') return "\t";
            if (lineStart && c == ' ') {
                int n = 0;
                while (i + n < length && src[i + n] == ' ') n++;
                if (i + n < length && src[i + n] != '\n' && src[i + n] != '\r' && src[i + n] != '*' && n >= 2 && n <= 8) return " ".repeat(n);
            }
            lineStart = false;
        }
        return "    ";
    }
}
