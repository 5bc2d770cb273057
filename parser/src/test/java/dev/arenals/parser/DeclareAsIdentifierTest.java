package dev.arenals.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.arenals.parser.tree.Arena;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Fuzz findings P1–P7: {@code declare} before a word that does not start a declaration after all
 * was consumed and then lost, lying outside every statement. TypeScript reads it as an identifier
 * expression statement, and asks no `;` after it (its parseErrorForMissingSemicolonAfter returns
 * early for `declare`: typescript@6.0.3 reports nothing on these); so do we.
 */
class DeclareAsIdentifierTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "declare module|(PROGRAM(EXPRESSION_STATEMENT(IDENTIFIER_REFERENCE declare))(EXPRESSION_STATEMENT(IDENTIFIER_REFERENCE module)))",
        "declare abstract|(PROGRAM(EXPRESSION_STATEMENT(IDENTIFIER_REFERENCE declare))(EXPRESSION_STATEMENT(IDENTIFIER_REFERENCE abstract)))",
        "declare namespace|(PROGRAM(EXPRESSION_STATEMENT(IDENTIFIER_REFERENCE declare))(EXPRESSION_STATEMENT(IDENTIFIER_REFERENCE namespace)))",
        "declare interface|(PROGRAM(EXPRESSION_STATEMENT(IDENTIFIER_REFERENCE declare))(EXPRESSION_STATEMENT(IDENTIFIER_REFERENCE interface)))",
        "declare module('y')|(PROGRAM(EXPRESSION_STATEMENT(IDENTIFIER_REFERENCE declare))(EXPRESSION_STATEMENT(CALL(IDENTIFIER_REFERENCE module)(STRING_LITERAL 'y'))))",
    })
    void declareBeforeANonDeclarationIsAnIdentifier(String src, String shape) {
        for (String file : new String[] {"a.ts", "a.tsx"}) {
            Arena arena = new Arena();
            new JsParser().parse(arena, src, ParseOptions.forFileName(file));
            assertEquals(List.of(), ParserTestSupport.treeViolations(arena), () -> ParserTestSupport.describe(src, arena));
            assertEquals(shape, ParserTestSupport.shape(arena));
            assertEquals(List.of(), ParserTestSupport.diagnostics(arena));
        }
    }
}
