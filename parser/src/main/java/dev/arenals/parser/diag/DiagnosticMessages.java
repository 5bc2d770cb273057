package dev.arenals.parser.diag;

import dev.arenals.parser.lexer.RegexValidator;
import dev.arenals.parser.tree.NameTable;
import dev.arenals.parser.tree.ParseLog;

/** Turns a logged diagnostic (a Diag and an int argument) into its message text. */
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
                if (names != null && arg >= 0 && arg < names.size()) return d.format(names.name(arg));
                return d.format("name");
            case EVAL_ARGUMENTS_STRICT:
            case TOKEN_EXPECTED:
            case UNEXPECTED_TOKEN:
            case RESERVED_WORD_AS_IDENTIFIER:
            case STRICT_RESERVED_WORD:
            case UNARY_BEFORE_EXPONENT:
            case MODIFIER_ON_TYPE_PARAMETER:
                return d.formatToken(arg);
            default:
                return d.template;
        }
    }
}
