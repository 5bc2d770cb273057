package dev.arenals.parser;

import dev.arenals.parser.diag.Diag;
import dev.arenals.parser.lexer.RegexValidator;
import dev.arenals.parser.lexer.Token;
import dev.arenals.parser.tree.NameTable;
import dev.arenals.parser.tree.ParseLog;

/**
 * Turns a logged diagnostic (a Diag and an int argument) into its message text. It sits above the
 * lexer and the tree (token texts, regular-expression messages, names), so {@code diag} itself
 * depends on nothing (docs/architecture.md, "Inside parser").
 */
public final class DiagnosticMessages {
    private DiagnosticMessages() {}

    public static String message(ParseLog log, int i) {
        return message(log, i, null);
    }

    /** With a name table, NAME-argument messages show the name. */
    public static String message(ParseLog log, int i, NameTable names) {
        Diag d = log.diagnostic(i);
        int arg = log.diagnosticArg(i);
        return format(d, arg, names);
    }

    public static String format(Diag d, int arg, NameTable names) {
        switch (d) {
            case INVALID_REGULAR_EXPRESSION:
                return "Invalid regular expression: " + RegexValidator.message(arg);
            case DUPLICATE_PRIVATE_NAME:
            case DUPLICATE_PARAMETER:
            case DUPLICATE_EXPORT:
            case UNDECLARED_PRIVATE_NAME_IN_CLASS:
            case REDECLARED:
            case EXPORT_UNDECLARED:
            case TYPE_PREDICATE_PARAMETER:
            case TYPE_PREDICATE_PATTERN:
            case ABSTRACT_METHOD_BODY:
            case ABSTRACT_PROPERTY_INITIALIZER:
                if (names != null && arg >= 0 && arg < names.size()) return d.format(names.name(arg));
                return d.format("name");
            case EVAL_ARGUMENTS_STRICT:
            case EVAL_ARGUMENTS_STRICT_IN_CLASS:
            case EVAL_ARGUMENTS_STRICT_IN_MODULE:
            case STRICT_RESERVED_WORD:
            case STRICT_RESERVED_WORD_IN_CLASS:
            case STRICT_RESERVED_WORD_IN_MODULE:
                // a name the parser read as an identifier ({@link #nameArg}), else a keyword token
                if ((arg & NAME_ARG) != 0) {
                    int id = arg & ~NAME_ARG;
                    return d.format(names != null && id < names.size() ? names.name(id) : "name");
                }
                return formatToken(d, arg);
            case TOKEN_EXPECTED:
            case UNEXPECTED_TOKEN: case PRIVATE_NAME_AS_BINDING_KEY:
            case RESERVED_WORD_AS_IDENTIFIER: case AWAIT_AT_MODULE_TOP_LEVEL:
            case UNARY_BEFORE_EXPONENT:
            case MODIFIER_ON_TYPE_PARAMETER:
            case TS_DECLARATION_IN_SINGLE_STATEMENT:
            case HERITAGE_LIST_EMPTY:
                return formatToken(d, arg);
            case MODIFIER_IN_AMBIENT: case VARIANCE_MODIFIER_PLACE: case CONST_MODIFIER_PLACE: case MODIFIER_ALREADY_SEEN:
            case MODIFIER_MUST_PRECEDE: case MODIFIER_WITH_MODIFIER: case MODIFIER_ON_CLASS_ELEMENT: case MODIFIER_ON_MODULE_ELEMENT:
            case MODIFIER_ON_CONSTRUCTOR: case MODIFIER_ON_PARAMETER: case MODIFIER_ON_TYPE_MEMBER: case MODIFIER_ON_INDEX_SIGNATURE:
            case MODIFIER_NOT_HERE: case TS_ONLY_MODIFIER: case CLASS_MEMBER_KEYWORD: case MODIFIER_WITH_PRIVATE_NAME: case MODIFIER_ON_USING:
            case MODIFIER_ON_AWAIT_USING: {
                String first = formatToken(d, arg & 0xffff);
                int i = first.indexOf("{1}");
                return i < 0 ? first : first.substring(0, i) + Token.text(arg >>> 16) + first.substring(i + 3);
            }
            default:
                return d.template;
        }
    }

    /** Marks a diagnostic's argument as a name id (the strict-mode name rules), not a token kind. */
    public static final int NAME_ARG = 1 << 30;

    /** The argument for a strict-mode name diagnostic about the name {@code nameId}. */
    public static int nameArg(int nameId) { return nameId | NAME_ARG; }

    /** The message with {0} replaced by the text of the token kind {@code tokenArg}. */
    public static String formatToken(Diag d, int tokenArg) { return d.format(Token.text(tokenArg)); }
}
