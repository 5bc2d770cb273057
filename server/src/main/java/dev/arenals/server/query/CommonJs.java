package dev.arenals.server.query;

import static dev.arenals.parser.tree.NodeKind.*;

import dev.arenals.parser.lexer.Token;
import dev.arenals.parser.tree.Arena;
import dev.arenals.parser.tree.Layouts;

/**
 * CommonJS as the tree shows it, read the same way by the workspace summary and by the features
 * of the requiring file: {@code require("m")} (also wrapped in TypeScript's emitted
 * {@code __importStar} / {@code __importDefault} / {@code __importDefault}), the names a variable
 * takes from it ({@code const x = require("m")}, {@code const { a, b: c } = require("m")},
 * {@code const z = require("m").z}), and the export targets {@code exports.a},
 * {@code module.exports.a} and {@code module.exports}. Syntax only: a file that declares its own
 * {@code require} or {@code exports} is not told apart (rare in practice, and only navigation
 * reads it).
 */
public final class CommonJs {
    private CommonJs() {}

    /** The module specifier of {@code require("m")} (through the emit helpers' wrappers), else null. */
    public static String requireSpecifier(Arena a, int node) {
        node = TreePaths.unwrapped(a, node);
        if (node < 0 || a.kind(node) != CALL) return null;
        int callee = Layouts.callCallee(a, node);
        int argument = callee < 0 ? -1 : Layouts.callFirstArgument(a, node);
        if (argument < 0 || a.kind(callee) != IDENTIFIER_REFERENCE) return null;
        String name = a.names().name(a.data(callee));
        if (name.equals("__importStar") || name.equals("__importDefault") || name.equals("__toESM") || name.equals("_interopRequireWildcard")
                || name.equals("_interopRequireDefault")) {
            return requireSpecifier(a, argument);
        }
        if (!name.equals("require") || a.kind(argument) != STRING_LITERAL || a.nextSibling(argument) >= 0) return null;
        int start = a.start(argument) + 1, end = a.end(argument) - 1;
        return end > start ? a.text(start, end) : null;
    }

    /**
     * What a binding takes from a {@code require}: {specifier, imported name} where the imported
     * name is "*" for the module itself ({@code const x = require("m")}), or the property read
     * ({@code const { a } = require("m")}, {@code const z = require("m").z}); null when
     * {@code binding} (a BINDING_IDENTIFIER) is not bound so.
     */
    public static String[] requireOf(Arena a, int binding) {
        if (binding < 0 || a.kind(binding) != BINDING_IDENTIFIER) return null;
        return requireOf(a, binding, TreePaths.pathTo(a, binding));
    }

    /** {@link #requireOf(Arena, int)} when the path from the root to {@code binding} is known. */
    public static String[] requireOf(Arena a, int binding, int[] path) {
        if (binding < 0 || a.kind(binding) != BINDING_IDENTIFIER || path == null || path.length < 2) return null;
        int parent = path[path.length - 2];
        if (a.kind(parent) == VARIABLE_DECLARATOR) return Layouts.declaratorTarget(a, parent) == binding ? requireOfDeclared(a, parent) : null;
        // const { a, b: c } = require("m"): PROPERTY(key, binding) in OBJECT_PATTERN, first child of the declarator
        if (a.kind(parent) != PROPERTY || path.length < 4) return null;
        int pattern = path[path.length - 3], declarator = path[path.length - 4];
        if (a.kind(pattern) != OBJECT_PATTERN || a.kind(declarator) != VARIABLE_DECLARATOR || Layouts.declaratorTarget(a, declarator) != pattern) return null;
        if ((a.data(parent) & P_COMPUTED) != 0) return null;
        int key = Layouts.propertyKey(a, parent);
        String specifier = requireSpecifier(a, Layouts.declaratorInit(a, declarator));
        if (specifier == null || key < 0) return null;
        String imported = a.kind(key) == STRING_LITERAL ? a.text(a.start(key) + 1, Math.max(a.start(key) + 1, a.end(key) - 1))
                : a.names().name(a.data(key));
        return new String[] {specifier, imported};
    }

    /**
     * {@link #requireOf} for the name a VARIABLE_DECLARATOR declares (its target a
     * BINDING_IDENTIFIER): what a summary asks of each top-level declarator.
     */
    public static String[] requireOfDeclared(Arena a, int declarator) {
        int init = Layouts.declaratorInit(a, declarator);
        String specifier = requireSpecifier(a, init);
        if (specifier != null) return new String[] {specifier, "*"};
        init = TreePaths.unwrapped(a, init);
        if (init >= 0 && a.kind(init) == MEMBER) {
            int object = Layouts.memberObject(a, init);
            int property = Layouts.memberProperty(a, init);
            specifier = requireSpecifier(a, object);
            if (specifier != null && property >= 0 && a.kind(property) == IDENTIFIER_NAME) {
                return new String[] {specifier, a.names().name(a.data(property))};
            }
        }
        return null;
    }

    /**
     * For the target of an assignment: the IDENTIFIER_NAME of {@code exports.a} or
     * {@code module.exports.a}; {@link #MODULE_EXPORTS} for {@code module.exports} itself; -1 otherwise.
     */
    public static int exportTarget(Arena a, int target) {
        if (target < 0 || a.kind(target) != MEMBER) return -1;
        int object = Layouts.memberObject(a, target);
        int property = Layouts.memberProperty(a, target);
        if (property < 0 || a.kind(property) != IDENTIFIER_NAME) return -1;
        if (isName(a, object, "exports")) return property;
        if (isName(a, object, "module")) return a.names().equals(a.data(property), "exports") ? MODULE_EXPORTS : -1;
        if (a.kind(object) == MEMBER && exportTarget(a, object) == MODULE_EXPORTS) return property;
        return -1;
    }

    /** {@link #exportTarget} of {@code module.exports} itself. */
    public static final int MODULE_EXPORTS = -2;

    /** Whether {@code node} is an {@code =} assignment. */
    public static boolean isPlainAssignment(Arena a, int node) {
        return node >= 0 && a.kind(node) == ASSIGNMENT && a.data(node) == Token.ASSIGN;
    }

    private static boolean isName(Arena a, int node, String name) {
        return a.kind(node) == IDENTIFIER_REFERENCE && a.names().equals(a.data(node), name);
    }


}
