package dev.arenals.parser.diag;

import dev.arenals.parser.lexer.Token;

/**
 * Every diagnostic the parser can report. Codes follow tsc's numbering where tsc has the same
 * message, so users recognise them. A message may take one argument: {0} is a token's text
 * (the diagnostic's int argument is then a {@link Token} kind) or, for NAME messages, an interned name.
 */
public enum Diag {
    // ---- lexer ----
    INVALID_CHARACTER(1127, "Invalid character."),
    UNTERMINATED_STRING(1002, "Unterminated string literal."),
    UNTERMINATED_TEMPLATE(1160, "Unterminated template literal."),
    UNTERMINATED_REGEX(1161, "Unterminated regular expression literal."),
    UNTERMINATED_COMMENT(1010, "'*/' expected."),
    DIGIT_EXPECTED(1124, "Digit expected."),
    HEX_DIGIT_EXPECTED(1125, "Hexadecimal digit expected."),
    BINARY_DIGIT_EXPECTED(1177, "Binary digit expected."),
    OCTAL_DIGIT_EXPECTED(1178, "Octal digit expected."),
    INVALID_ESCAPE(1488, "Invalid escape sequence."),
    UNICODE_ESCAPE_OUT_OF_RANGE(1198, "An extended Unicode escape value must be between 0x0 and 0x10FFFF inclusive."),
    UNTERMINATED_UNICODE_ESCAPE(1199, "Unterminated Unicode escape sequence."),
    INVALID_IDENTIFIER_ESCAPE(1127, "Invalid character in identifier escape."),
    NUMERIC_SEPARATOR_NOT_ALLOWED(6188, "Numeric separators are not allowed here."),
    MULTIPLE_NUMERIC_SEPARATORS(6189, "Multiple consecutive numeric separators are not permitted."),
    IDENTIFIER_AFTER_NUMBER(1351, "An identifier or keyword cannot immediately follow a numeric literal."),
    INVALID_BIGINT(1353, "A bigint literal must be an integer."),
    UNKNOWN_REGEX_FLAG(1499, "Unknown regular expression flag."),
    DUPLICATE_REGEX_FLAG(1500, "Duplicate regular expression flag."),
    REGEX_FLAGS_UV(1502, "The Unicode (u) flag and the Unicode Sets (v) flag cannot be set simultaneously."),
    INVALID_REGEX(1501, "Invalid regular expression."),
    // ---- lexer: more codes go here ----

    // ---- parser ----
    TOKEN_EXPECTED(1005, "'{0}' expected."),
    IDENTIFIER_EXPECTED(1003, "Identifier expected."),
    EXPRESSION_EXPECTED(1109, "Expression expected."),
    DECLARATION_OR_STATEMENT_EXPECTED(1128, "Declaration or statement expected."),
    UNEXPECTED_TOKEN(1012, "Unexpected token '{0}'."),
    PROPERTY_ASSIGNMENT_EXPECTED(1136, "Property assignment expected."),
    ARGUMENT_EXPRESSION_EXPECTED(1135, "Argument expression expected."),
    VARIABLE_DECLARATION_EXPECTED(1134, "Variable declaration expected."),
    MEMBER_EXPECTED(1068, "Unexpected token. A constructor, method, accessor, or property was expected."),
    NESTING_TOO_DEEP(9001, "Nesting is too deep: the parser stops descending here."),
    TOO_MANY_ERRORS(9002, "Too many errors; further errors in this file are not reported."),
    RESERVED_WORD_AS_IDENTIFIER(1359, "Identifier expected. '{0}' is a reserved word that cannot be used here."),
    STRICT_RESERVED_WORD(1212, "Identifier expected. '{0}' is a reserved word in strict mode."),
    KEYWORD_WITH_ESCAPE(1260, "Keywords cannot contain escape characters."),
    INVALID_ASSIGNMENT_TARGET(2364, "The left-hand side of an assignment expression must be a variable or a property access."),
    INVALID_UPDATE_TARGET(2357, "The operand of an increment or decrement operator must be a variable or a property access."),
    INVALID_DESTRUCTURING_TARGET(1010, "Invalid destructuring assignment target."),
    FOR_IN_OF_SINGLE_DECLARATION(1188, "Only a single variable declaration is allowed in a 'for...in' or 'for...of' statement."),
    FOR_IN_OF_INITIALIZER(1189, "The variable declaration of a 'for...in' or 'for...of' statement cannot have an initializer."),
    CONST_WITHOUT_INITIALIZER(1155, "'const' declarations must be initialized."),
    DESTRUCTURING_WITHOUT_INITIALIZER(1182, "A destructuring declaration must have an initializer."),
    LINE_BREAK_NOT_ALLOWED(1142, "Line break not permitted here."),
    REST_MUST_BE_LAST(1014, "A rest element must be last in a destructuring pattern."),
    REST_PARAMETER_LAST(1014, "A rest parameter must be last in a parameter list."),
    REST_WITH_INITIALIZER(1186, "A rest element cannot have an initializer."),
    TRAILING_COMMA_AFTER_REST(1013, "A rest parameter or binding pattern may not have a trailing comma."),
    INVALID_ARROW_PARAMETERS(1131, "Invalid arrow function parameters."),
    COALESCE_MIXED(5076, "'||' and '??' operations cannot be mixed without parentheses."),
    UNARY_BEFORE_EXPONENT(17006, "An unary expression with the '{0}' operator is not allowed in the left-hand side of an exponentiation expression. Consider enclosing the expression in parentheses."),
    OPTIONAL_CHAIN_TEMPLATE(1358, "Tagged template expressions are not permitted in an optional chain."),
    OPTIONAL_CHAIN_ASSIGNMENT(2779, "The left-hand side of an assignment expression may not be an optional property access."),
    INVALID_OCTAL_TEMPLATE(1487, "Octal escape sequences and invalid escapes are not allowed in untagged templates."),
    OCTAL_LITERAL_STRICT(1121, "Octal literals are not allowed in strict mode."),
    OCTAL_ESCAPE_STRICT(1487, "Octal escape sequences are not allowed in strict mode."),
    DECIMAL_LEADING_ZERO_STRICT(1489, "Decimals with leading zeros are not allowed in strict mode."),
    WITH_IN_STRICT(1101, "'with' statements are not allowed in strict mode."),
    DELETE_IDENTIFIER_STRICT(1102, "'delete' cannot be called on an identifier in strict mode."),
    EVAL_ARGUMENTS_STRICT(1100, "Invalid use of '{0}' in strict mode."),
    ILLEGAL_BREAK(1105, "A 'break' statement can only be used within an enclosing iteration or switch statement."),
    ILLEGAL_CONTINUE(1104, "A 'continue' statement can only be used within an enclosing iteration statement."),
    UNDEFINED_LABEL(1116, "A 'break' or 'continue' statement can only jump to a label of an enclosing statement."),
    DUPLICATE_LABEL(1114, "Duplicate label."),
    RETURN_OUTSIDE_FUNCTION(1108, "A 'return' statement can only be used within a function body."),
    AWAIT_OUTSIDE_ASYNC(1308, "'await' expressions are only allowed within async functions and at the top levels of modules."),
    YIELD_IN_PARAMETER(2523, "'yield' expressions cannot be used in a parameter initializer."),
    AWAIT_IN_PARAMETER(2524, "'await' expressions cannot be used in a parameter initializer."),
    IMPORT_EXPORT_TOP_LEVEL(1232, "An import declaration can only be used at the top level of a module."),
    EXPORT_TOP_LEVEL(1233, "An export declaration can only be used at the top level of a module."),
    IMPORT_META_OUTSIDE_MODULE(1343, "The 'import.meta' meta-property is only allowed in modules."),
    NEW_TARGET_OUTSIDE_FUNCTION(17013, "Meta-property 'new.target' is only allowed in the body of a function declaration, function expression, or constructor."),
    SUPER_CALL_OUTSIDE_CONSTRUCTOR(2337, "Super calls are not permitted outside constructors or in nested functions inside constructors."),
    SUPER_PROPERTY_OUTSIDE_METHOD(2660, "'super' can only be referenced in members of derived classes or object literal expressions."),
    SUPER_UNEXPECTED(1034, "'super' must be followed by an argument list or member access."),
    DUPLICATE_CONSTRUCTOR(2392, "Multiple constructor implementations are not allowed."),
    CONSTRUCTOR_SPECIAL(1368, "Class constructor may not be an accessor, generator or async method."),
    CLASS_FIELD_CONSTRUCTOR(18006, "Classes may not have a field named 'constructor'."),
    STATIC_PROTOTYPE(2699, "Classes may not have a static property named 'prototype'."),
    PRIVATE_CONSTRUCTOR_NAME(18012, "'#constructor' is a reserved word."),
    DUPLICATE_PRIVATE_NAME(2804, "Duplicate identifier '{0}'."),
    UNDECLARED_PRIVATE_NAME(18016, "Private identifiers are not allowed outside class bodies."),
    GETTER_PARAMETERS(1054, "A 'get' accessor cannot have parameters."),
    SETTER_PARAMETERS(1049, "A 'set' accessor must have exactly one parameter."),
    SETTER_REST(1053, "A 'set' accessor cannot have rest parameter."),
    USE_STRICT_NON_SIMPLE(1347, "'use strict' directive cannot be used with non-simple parameter list."),
    DUPLICATE_PARAMETER(2300, "Duplicate identifier '{0}'."),
    DUPLICATE_PROTO(1117, "An object literal cannot have multiple properties named '__proto__'."),
    LEXICAL_IN_SINGLE_STATEMENT(1156, "Declarations can only be declared inside a block."),
    LET_AS_LEXICAL_NAME(2480, "'let' is not allowed to be used as a name in 'let' or 'const' declarations."),
    GENERATOR_IN_SINGLE_STATEMENT(1156, "Function declarations are not allowed in this position."),
    INVALID_USE_OF_SHORTHAND_INIT(1312, "Did you mean to use a ':'? An '=' can only follow a property name when the containing object literal is part of a destructuring pattern."),
    INVALID_LHS_IN_FOR(1108, "Invalid left-hand side in 'for' statement."),
    NEWLINE_AFTER_THROW(1142, "Line break not permitted here."),
    CATCH_OR_FINALLY_EXPECTED(1472, "'catch' or 'finally' expected."),
    MULTIPLE_DEFAULTS(1113, "A 'default' clause cannot appear more than once in a 'switch' statement."),
    DUPLICATE_EXPORT(2300, "Duplicate export '{0}'."),
    STRING_EXPORT_NAME(1110, "A string export name must be a well-formed Unicode string, and can only name a re-export here."),
    ASYNC_LINE_BREAK(1200, "Line terminator not permitted before arrow."),
    ARROW_LINE_BREAK(1200, "Line terminator not permitted before arrow."),
    LABELLED_FUNCTION(1344, "A label is not allowed here."),
    INVALID_REGULAR_EXPRESSION(1501, "{0}"),
    UNDECLARED_PRIVATE_NAME_IN_CLASS(18013, "Private name '#{0}' is not declared in an enclosing class."),
    USING_NOT_ALLOWED_HERE(1491, "'using' declarations are not allowed at the top level of a script or directly in a case clause."),
    REDECLARED(2451, "Cannot redeclare block-scoped variable '{0}'."),
    EXPORT_UNDECLARED(2304, "Cannot find name '{0}'."),
    TYPE_EXPECTED(1110, "Type expected."),
    PROPERTY_OR_SIGNATURE_EXPECTED(1131, "Property or signature expected."),
    TYPE_PARAMETER_EXPECTED(1139, "Type parameter declaration expected."),
    ENUM_MEMBER_EXPECTED(1132, "Enum member expected."),
    JSX_CLOSING_TAG(17002, "Expected corresponding JSX closing tag."),
    JSX_NO_CLOSING_TAG(17008, "JSX element has no corresponding closing tag."),
    JSX_FRAGMENT_CLOSING(17015, "Expected corresponding closing tag for JSX fragment."),
    JSX_EMPTY_ATTRIBUTE_EXPRESSION(17000, "JSX attributes must only be assigned a non-empty 'expression'."),
    JSX_ATTRIBUTE_VALUE_EXPECTED(1145, "'{' or JSX element expected."),
    MODIFIER_ON_TYPE_PARAMETER(1273, "'{0}' modifier cannot appear on a type parameter"),
    INSTANTIATION_PROPERTY_ACCESS(1477, "An instantiation expression cannot be followed by a property access."),
    MODIFIERS_ON_THIS_PARAMETER(1433, "Neither decorators nor modifiers may be applied to 'this' parameters."),
    // ---- parser: more codes go here ----
    ;

    public final int code;
    public final String template;

    Diag(int code, String template) {
        this.code = code;
        this.template = template;
    }

    private static final Diag[] VALUES = values();

    public static Diag of(int ordinal) { return VALUES[ordinal]; }

    /** The message with {0} replaced by the token text for {@code tokenArg}. */
    public String format(String arg) {
        int i = template.indexOf("{0}");
        if (i < 0) return template;
        return template.substring(0, i) + arg + template.substring(i + 3);
    }

    public String formatToken(int tokenArg) { return format(Token.text(tokenArg)); }
}
