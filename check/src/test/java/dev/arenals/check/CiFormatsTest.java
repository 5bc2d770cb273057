package dev.arenals.check;

import static dev.arenals.check.Cli.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The two report formats CI tools read besides SARIF and JUnit (issue 23): GitLab Code Quality
 * (validated against docs/gitlab-codequality.schema.json) and Checkstyle XML (validated against
 * an XSD of Checkstyle's report layout with the JDK's validator, then read with its DOM parser).
 */
class CiFormatsTest {
    @TempDir Path dir;

    @BeforeEach
    void tree() {
        write(dir, "src/ok.ts", "export const ok = 1;\n");
        write(dir, "src/bad.ts", "// two errors\nlet a = (1 + ;\nconst b;\n");
        // the same message twice in one file: distinct fingerprints all the same
        write(dir, "src/twice.js", "let x = ;\nlet y = ;\n");
        write(dir, "src/x&y<\"z\">.ts", "let q = \"\u0001\" + ;\n");
        write(dir, "bin.js", new byte[] {'a', 0, 'b'});
    }

    private static JsonSchema gitlabSchema() throws Exception {
        return new JsonSchema(Jsonc.parse(Files.readString(NpmFixtures.repoRoot().resolve("docs/gitlab-codequality.schema.json"))));
    }

    @Test
    @SuppressWarnings("unchecked")
    void gitlabCodeQualityIsValidWithOneIssuePerDiagnosticAndUniqueFingerprints() throws Exception {
        Cli.Result r = Cli.run(dir, "--format", "gitlab", "--warn", "1155", ".");
        assertEquals(1, r.exit(), r::toString);
        Object doc = Jsonc.parse(r.out());
        assertEquals(List.of(), gitlabSchema().validate(doc));
        List<Map<String, Object>> issues = (List<Map<String, Object>>) doc;
        // bin.js 1, bad.ts 2 (one a warning), twice.js 2, x&y<"z">.ts 1; ok.ts none
        assertEquals(6, issues.size(), r.out());
        Set<Object> fingerprints = new HashSet<>();
        for (Map<String, Object> i : issues) fingerprints.add(i.get("fingerprint"));
        assertEquals(issues.size(), fingerprints.size(), "fingerprints are unique");

        Map<String, Object> warning = find(issues, "src/bad.ts", 3);
        assertEquals("TS1155", warning.get("check_name"));
        assertEquals("minor", warning.get("severity"));
        assertEquals("'const' declarations must be initialized.", warning.get("description"));
        Map<String, Object> error = find(issues, "src/bad.ts", 2);
        assertEquals("major", error.get("severity"));
        assertEquals("TS1109", error.get("check_name"));
        assertTrue(issues.stream().noneMatch(i -> ((Map<String, Object>) i.get("location")).get("path").equals("src/ok.ts")));
    }

    @Test
    @SuppressWarnings("unchecked")
    void gitlabFingerprintsDoNotMoveWithTheLine() throws Exception {
        List<Map<String, Object>> before = (List<Map<String, Object>>) Jsonc.parse(Cli.run(dir, "--format", "gitlab", "src/twice.js").out());
        write(dir, "src/twice.js", "// a comment above\n\nlet x = ;\nlet y = ;\n");
        List<Map<String, Object>> after = (List<Map<String, Object>>) Jsonc.parse(Cli.run(dir, "--format", "gitlab", "src/twice.js").out());
        assertEquals(fingerprints(before), fingerprints(after), "an edit above the problems keeps their fingerprints");
        assertEquals(3L, ((Map<String, Object>) ((Map<String, Object>) after.get(0).get("location")).get("lines")).get("begin"));
        write(dir, "src/twice.js", "let x = ;\n");
        List<Map<String, Object>> one = (List<Map<String, Object>>) Jsonc.parse(Cli.run(dir, "--format", "gitlab", "src/twice.js").out());
        assertEquals(fingerprints(before).subList(0, 1), fingerprints(one), "the first of two equal problems keeps its fingerprint");
    }

    @Test
    void theGitlabSchemaRejectsWhatGitlabCouldNotRead() throws Exception {
        JsonSchema schema = gitlabSchema();
        String good = "[{\"type\":\"issue\",\"check_name\":\"TS1\",\"description\":\"d\",\"categories\":[\"Bug Risk\"],\"severity\":\"major\","
                + "\"fingerprint\":\"0123456789abcdef0123456789abcdef\",\"location\":{\"path\":\"a.ts\",\"lines\":{\"begin\":1}}}]";
        assertEquals(List.of(), schema.validate(Jsonc.parse(good)));
        for (String[] bad : new String[][] {
                {"\"severity\":\"major\"", "\"severity\":\"error\""},
                {"\"begin\":1", "\"begin\":0"},
                {",\"fingerprint\":\"0123456789abcdef0123456789abcdef\"", ""},
                {"\"path\":\"a.ts\",", ""}}) {
            String broken = good.replace(bad[0], bad[1]);
            assertFalse(schema.validate(Jsonc.parse(broken)).isEmpty(), broken);
        }
    }

    private static Validator checkstyleValidator() throws Exception {
        SchemaFactory f = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        return f.newSchema(CiFormatsTest.class.getResource("/checkstyle-report.xsd")).newValidator();
    }

    @Test
    void checkstyleXmlIsValidAndListsEveryFileWithItsErrors() throws Exception {
        Cli.Result r = Cli.run(dir, "--format", "checkstyle", "--warn", "1155", ".");
        assertEquals(1, r.exit(), r::toString);
        checkstyleValidator().validate(new StreamSource(new StringReader(r.out())));
        Document doc = FormatsTest.parseXml(r.out());
        assertEquals("checkstyle", doc.getDocumentElement().getTagName());
        NodeList files = doc.getElementsByTagName("file");
        List<String> names = new ArrayList<>();
        for (int i = 0; i < files.getLength(); i++) names.add(((Element) files.item(i)).getAttribute("name"));
        assertEquals(List.of("bin.js", "src/bad.ts", "src/ok.ts", "src/twice.js", "src/x&y<\"z\">.ts"), names);
        Element bad = (Element) files.item(1);
        NodeList errors = bad.getElementsByTagName("error");
        assertEquals(2, errors.getLength());
        Element first = (Element) errors.item(0);
        assertEquals("2", first.getAttribute("line"));
        assertEquals("14", first.getAttribute("column"));
        assertEquals("error", first.getAttribute("severity"));
        assertEquals("Expression expected.", first.getAttribute("message"));
        assertEquals("arena-ls.TS1109", first.getAttribute("source"));
        assertEquals("warning", ((Element) errors.item(1)).getAttribute("severity"));
        assertEquals(0, ((Element) files.item(2)).getElementsByTagName("error").getLength(), "a clean file is listed empty");
        assertEquals(6, doc.getElementsByTagName("error").getLength());
    }

    @Test
    void theCheckstyleSchemaRejectsAnErrorWithoutALine() throws Exception {
        String broken = "<?xml version=\"1.0\"?><checkstyle version=\"4.3\"><file name=\"a\"><error severity=\"error\" message=\"m\"/></file></checkstyle>";
        assertThrows(SAXException.class, () -> checkstyleValidator().validate(new StreamSource(new StringReader(broken))));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> find(List<Map<String, Object>> issues, String path, long line) {
        for (Map<String, Object> i : issues) {
            Map<String, Object> location = (Map<String, Object>) i.get("location");
            if (location.get("path").equals(path) && ((Map<String, Object>) location.get("lines")).get("begin").equals(line)) return i;
        }
        throw new AssertionError("no issue at " + path + ":" + line + " in " + issues);
    }

    private static List<Object> fingerprints(List<Map<String, Object>> issues) {
        List<Object> out = new ArrayList<>();
        for (Map<String, Object> i : issues) out.add(i.get("fingerprint"));
        return out;
    }
}
