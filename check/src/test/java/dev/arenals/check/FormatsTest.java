package dev.arenals.check;

import static dev.arenals.check.Cli.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Every format on one small tree, against exact expectations (or a parser and a schema). */
class FormatsTest {
    @TempDir Path dir;

    @BeforeEach
    void tree() {
        write(dir, "src/ok.ts", "export const ok = 1;\n");
        write(dir, "src/bad.ts", "// two errors\nlet a = (1 + ;\nconst b;\n");
        // a non-BMP character before the error: columns count UTF-16 code units
        write(dir, "src/emoji.js", "var s = \"caf\u00e9 \ud83d\ude00\";  let t = ;\n");
        // names that need escaping in URIs and workflow commands
        write(dir, "src/we,ird:name.js", "let x = ;\n");
        write(dir, "src/with space.jsx", "const el = <div>;\n");
        write(dir, "bin.js", new byte[] {'a', 0, 'b'});
    }

    private static final String TSC =
            "bin.js(1,1): error TS9103: binary file (NUL byte at byte offset 1): not checked\n"
            + "src/bad.ts(2,14): error TS1109: Expression expected.\n"
            + "src/bad.ts(3,7): error TS1155: 'const' declarations must be initialized.\n"
            + "src/emoji.js(1,29): error TS1109: Expression expected.\n";

    @Test
    void tsc() {
        Cli.Result r = Cli.run(dir, "--format", "tsc", "src/bad.ts", "src/emoji.js", "src/ok.ts", "bin.js");
        assertEquals(1, r.exit(), r::toString);
        assertEquals(TSC, r.out());
        assertTrue(r.err().startsWith("arena-ls check: 4 files, 4 errors, 0 warnings, 1 not checked in "), r.err());
    }

    @Test
    void stylish() {
        Cli.Result r = Cli.run(dir, "src/bad.ts", "src/emoji.js", "src/ok.ts", "bin.js");
        assertEquals(1, r.exit(), r::toString);
        assertEquals(""
                + "bin.js\n"
                + "  1:1  error  binary file (NUL byte at byte offset 1): not checked  TS9103\n"
                + "\n"
                + "src/bad.ts\n"
                + "  2:14  error  Expression expected.                       TS1109\n"
                + "  3:7   error  'const' declarations must be initialized.  TS1155\n"
                + "\n"
                + "src/emoji.js\n"
                + "  1:29  error  Expression expected.  TS1109\n", r.out());
        assertFalse(r.out().contains("\u001b"), "no colour off a terminal");
    }

    @Test
    void stylishOnATerminalHasCodeFramesAndColour() {
        Cli.Result plain = Cli.run(dir, true, "--no-color", "src/bad.ts");
        assertEquals(""
                + "src/bad.ts\n"
                + "  2:14  error  Expression expected.                       TS1109\n"
                + "  2 | let a = (1 + ;\n"
                + "    |              ^\n"
                + "\n"
                + "  3:7   error  'const' declarations must be initialized.  TS1155\n"
                + "  3 | const b;\n"
                + "    |       ^\n"
                + "\n", plain.out());
        Cli.Result color = Cli.run(dir, true, "src/bad.ts");
        assertTrue(color.out().contains("\u001b[31merror\u001b[0m"), color.out());
        Cli.Result forced = Cli.run(dir, false, "--color", "src/bad.ts");
        assertTrue(forced.out().contains("\u001b[31merror\u001b[0m"), forced.out());
        assertFalse(forced.out().contains(" | "), "code frames only on a terminal");
    }

    @Test
    void github() {
        Cli.Result r = Cli.run(dir, "--format", "github", "src/bad.ts", "src/we,ird:name.js", "src/with space.jsx");
        assertEquals(1, r.exit(), r::toString);
        assertEquals(""
                + "::error file=src/bad.ts,line=2,col=14,endLine=2,endColumn=15,title=TS1109::Expression expected.\n"
                + "::error file=src/bad.ts,line=3,col=7,endLine=3,endColumn=8,title=TS1155::'const' declarations must be initialized.\n"
                + "::error file=src/we%2Cird%3Aname.js,line=1,col=9,endLine=1,endColumn=10,title=TS1109::Expression expected.\n"
                + "::error file=src/with space.jsx,line=1,col=13,endLine=1,endColumn=16,title=TS17008::JSX element has no corresponding closing tag.\n"
                + "::error file=src/with space.jsx,line=2,col=1,endLine=2,endColumn=1,title=TS1005::'<' expected.\n", r.out());
        assertEquals("100%25 done%0Anext", LineFormats.data("100% done\nnext"));
        assertEquals("a%3Ab%2Cc%25", LineFormats.property("a:b,c%"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void json() throws Exception {
        Cli.Result r = Cli.run(dir, "--format", "json", "src", "bin.js");
        assertEquals(1, r.exit(), r::toString);
        Map<String, Object> doc = (Map<String, Object>) Jsonc.parse(r.out());
        assertEquals(List.of("schemaVersion", "tool", "summary", "files"), List.copyOf(doc.keySet()));
        assertEquals(1L, doc.get("schemaVersion"));
        Map<String, Object> summary = (Map<String, Object>) doc.get("summary");
        assertEquals(6L, summary.get("files"));
        assertEquals(5L, summary.get("checked"));
        assertEquals(1L, summary.get("notChecked"));
        assertEquals(0L, summary.get("warnings"));
        List<Map<String, Object>> files = (List<Map<String, Object>>) doc.get("files");
        assertEquals(List.of("bin.js", "src/bad.ts", "src/emoji.js", "src/ok.ts", "src/we,ird:name.js", "src/with space.jsx"),
                files.stream().map(f -> f.get("path")).toList());
        Map<String, Object> bin = files.get(0);
        assertEquals(false, bin.get("checked"));
        Map<String, Object> binDiag = ((List<Map<String, Object>>) bin.get("diagnostics")).get(0);
        assertEquals("binary-file", binDiag.get("failure"));
        assertEquals(9103L, binDiag.get("code"));
        Map<String, Object> emoji = files.get(2);
        Map<String, Object> d = ((List<Map<String, Object>>) emoji.get("diagnostics")).get(0);
        assertEquals(Map.of("severity", "error", "code", 1109L, "message", "Expression expected.", "line", 1L, "column", 29L,
                "endLine", 1L, "endColumn", 30L, "offset", 28L, "endOffset", 29L), d);
        assertEquals(List.of(), files.get(3).get("diagnostics"));
        assertEquals(21L, files.get(3).get("bytes"));
        long errors = 0;
        for (Map<String, Object> f : files) errors += (Long) f.get("errors");
        assertEquals(summary.get("errors"), errors);
    }

    @Test
    void jsonFollowsTheDocumentedSchema() throws Exception {
        JsonSchema documented = new JsonSchema(Jsonc.parse(Files.readString(NpmFixtures.repoRoot().resolve("docs/check-report.schema.json"))));
        write(dir, "tsconfig.json", "{ not json");
        for (String[] args : new String[][] {{"."}, {"--quiet", "."}, {"--warn", "1109", "."}, {"src/ok.ts"}}) {
            String[] all = new String[args.length + 2];
            all[0] = "--format";
            all[1] = "json";
            System.arraycopy(args, 0, all, 2, args.length);
            Cli.Result r = Cli.run(dir, all);
            assertEquals(List.of(), documented.validate(Jsonc.parse(r.out())), String.join(" ", args));
        }
        assertTrue(Cli.run(dir, "--format", "json").out().contains("\"kind\": \"config\""));
    }

    @Test
    @SuppressWarnings("unchecked")
    void sarifIsValidAgainstTheSchemaWithRulesAndRegions() throws Exception {
        Cli.Result r = Cli.run(dir, "--format", "sarif", "--warn", "1155", ".");
        assertEquals(1, r.exit(), r::toString);
        Object log = Jsonc.parse(r.out());
        assertEquals(List.of(), SarifSchemaTest.schema().validate(log));

        Map<String, Object> run = ((List<Map<String, Object>>) ((Map<String, Object>) log).get("runs")).get(0);
        assertEquals("utf16CodeUnits", run.get("columnKind"));
        Map<String, Object> driver = (Map<String, Object>) ((Map<String, Object>) run.get("tool")).get("driver");
        assertEquals("arena-ls", driver.get("name"));
        List<Map<String, Object>> rules = (List<Map<String, Object>>) driver.get("rules");
        List<Object> ids = rules.stream().map(x -> x.get("id")).toList();
        assertEquals(ids.stream().sorted((a, b) -> Integer.compare(Integer.parseInt(((String) a).substring(2)),
                Integer.parseInt(((String) b).substring(2)))).toList(), ids, "rules sorted by code");
        assertTrue(ids.containsAll(List.of("TS1109", "TS1155", "TS9103")), ids.toString());
        Map<String, Object> r1155 = rules.get(ids.indexOf("TS1155"));
        assertEquals("'const' declarations must be initialized.", ((Map<String, Object>) r1155.get("shortDescription")).get("text"));
        assertEquals("warning", ((Map<String, Object>) r1155.get("defaultConfiguration")).get("level"));

        List<Map<String, Object>> results = (List<Map<String, Object>>) run.get("results");
        for (Map<String, Object> res : results) {
            int index = ((Long) res.get("ruleIndex")).intValue();
            assertEquals(res.get("ruleId"), rules.get(index).get("id"), "ruleIndex points at the rule");
        }
        Map<String, Object> emoji = results.stream().filter(x -> uri(x).equals("src/emoji.js")).findFirst().orElseThrow();
        Map<String, Object> region = (Map<String, Object>) ((Map<String, Object>) ((List<Map<String, Object>>) emoji.get("locations"))
                .get(0).get("physicalLocation")).get("region");
        assertEquals(Map.of("startLine", 1L, "startColumn", 29L, "endLine", 1L, "endColumn", 30L), region);
        assertTrue(results.stream().anyMatch(x -> uri(x).equals("src/with%20space.jsx")));
        assertTrue(results.stream().anyMatch(x -> uri(x).equals("src/we,ird%3Aname.js")));
        Map<String, Object> bad = results.stream().filter(x -> "TS1155".equals(x.get("ruleId"))).findFirst().orElseThrow();
        assertEquals("warning", bad.get("level"));
        Map<String, Object> base = (Map<String, Object>) ((Map<String, Object>) run.get("originalUriBaseIds")).get("%SRCROOT%");
        String root = dir.toUri().toString();
        assertEquals(root.endsWith("/") ? root : root + "/", base.get("uri"));
        assertEquals(true, ((List<Map<String, Object>>) run.get("invocations")).get(0).get("executionSuccessful"));
    }

    @SuppressWarnings("unchecked")
    private static String uri(Map<String, Object> result) {
        Map<String, Object> loc = ((List<Map<String, Object>>) result.get("locations")).get(0);
        return (String) ((Map<String, Object>) ((Map<String, Object>) loc.get("physicalLocation")).get("artifactLocation")).get("uri");
    }

    @Test
    void junitIsWellFormedXmlWithAFailurePerFileWithErrors() throws Exception {
        write(dir, "src/x&y<z>.ts", "let q = \"\u0001\" + ;\n");
        Cli.Result r = Cli.run(dir, "--format", "junit", "--warn", "1155", ".");
        assertEquals(1, r.exit(), r::toString);
        Document doc = parseXml(r.out());
        Element suites = doc.getDocumentElement();
        assertEquals("testsuites", suites.getTagName());
        NodeList cases = doc.getElementsByTagName("testcase");
        assertEquals(7, cases.getLength());
        assertEquals("7", suites.getAttribute("tests"));
        // every file but ok.ts has an error: bad.ts (1109; 1155 is a warning now), bin.js (binary: content,
        // so a failure, not an error), emoji.js, we,ird:name.js, with space.jsx, x&y<z>.ts
        assertEquals("6", suites.getAttribute("failures"));
        assertEquals("0", suites.getAttribute("errors"));
        Element bad = byName(cases, "src/bad.ts");
        Element failure = (Element) bad.getElementsByTagName("failure").item(0);
        assertEquals("TS1109", failure.getAttribute("type"));
        assertTrue(failure.getTextContent().contains("src/bad.ts(3,7): warning TS1155: 'const' declarations must be initialized."),
                failure.getTextContent());
        assertEquals(0, byName(cases, "src/ok.ts").getChildNodes().getLength());
        assertTrue(byName(cases, "src/x&y<z>.ts").getElementsByTagName("failure").getLength() == 1);
    }

    static Document parseXml(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static Element byName(NodeList cases, String name) {
        for (int i = 0; i < cases.getLength(); i++) {
            Element e = (Element) cases.item(i);
            if (e.getAttribute("name").equals(name)) return e;
        }
        throw new AssertionError("no testcase " + name);
    }

    @Test
    void outputFileGetsTheReportAndTheTerminalTheSummary() throws Exception {
        Cli.Result r = Cli.run(dir, "--format", "tsc", "--output", "report.txt", "src/bad.ts", "src/emoji.js", "src/ok.ts", "bin.js");
        assertEquals(1, r.exit(), r::toString);
        assertEquals("", r.out());
        assertEquals(TSC, Files.readString(dir.resolve("report.txt")));
        assertTrue(r.err().contains("4 files, 4 errors"), r.err());
    }

    @Test
    void quietReportsErrorsOnly() {
        Cli.Result r = Cli.run(dir, "--quiet", "--format", "tsc", "--warn", "1155", "src/bad.ts");
        assertEquals(1, r.exit());
        assertEquals("src/bad.ts(2,14): error TS1109: Expression expected.\n", r.out());
        assertEquals("", r.err());
    }

    @Test
    void warningsAreWrittenAsWarnings() {
        Cli.Result r = Cli.run(dir, "--format", "tsc", "--warn", "TS1155,1109", "src/bad.ts");
        assertEquals(0, r.exit(), r::toString);
        assertEquals("src/bad.ts(2,14): warning TS1109: Expression expected.\n"
                + "src/bad.ts(3,7): warning TS1155: 'const' declarations must be initialized.\n", r.out());
        assertTrue(r.err().contains("1 file, 0 errors, 2 warnings"), r.err());
        Cli.Result gh = Cli.run(dir, "--format", "github", "--warn", "1109,1155", "src/bad.ts");
        assertTrue(gh.out().startsWith("::warning file=src/bad.ts,line=2,col=14"), gh.out());
    }

    @Test
    void jsonEscapesEverythingThatIsNotPlainText() throws Exception {
        java.io.StringWriter w = new java.io.StringWriter();
        JsonWriter.string(w, "a\"b\\c\n\u0001\u2028\ud800x\ud83d\ude00");
        assertEquals("\"a\\\"b\\\\c\\n\\u0001\\u2028\\ud800x\ud83d\ude00\"", w.toString());
        assertEquals("a\"b\\c\n\u0001\u2028\ud800x\ud83d\ude00", Jsonc.parse(w.toString()));
        assertSame(Jsonc.NULL, Jsonc.parse("null"));
    }
}
