package dev.arenals.check;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Runs {@link CheckCommand} in-process on a directory and captures what it prints. */
final class Cli {
    private Cli() {}

    record Result(int exit, String out, String err) {
        @Override public String toString() {
            return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    /** {@code arena-ls check --cwd DIR ARGS…}, not on a terminal. */
    static Result run(Path cwd, String... args) {
        return run(cwd, false, args);
    }

    static Result run(Path cwd, boolean tty, String... args) {
        List<String> all = new ArrayList<>();
        all.add("--cwd");
        all.add(cwd.toString());
        all.addAll(Arrays.asList(args));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            exit = CheckCommand.run(all.toArray(new String[0]), o, e, tty, false);
        }
        return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Writes {@code content} (UTF-8) to {@code root/rel}, creating directories. */
    static Path write(Path root, String rel, String content) {
        return write(root, rel, content.getBytes(StandardCharsets.UTF_8));
    }

    static Path write(Path root, String rel, byte[] content) {
        try {
            Path p = root.resolve(rel);
            Files.createDirectories(p.getParent());
            Files.write(p, content);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The tsc-format lines' paths, in order (one per diagnostic). */
    static List<String> tscPaths(String tscOutput) {
        List<String> out = new ArrayList<>();
        for (String line : tscOutput.split("\n")) {
            if (line.isEmpty()) continue;
            out.add(line.substring(0, line.indexOf('(')));
        }
        return out;
    }

    /** The paths a JSON report lists (every checked or failed path). */
    @SuppressWarnings("unchecked")
    static List<String> jsonPaths(String json) {
        try {
            java.util.Map<String, Object> doc = (java.util.Map<String, Object>) Jsonc.parse(json);
            List<String> out = new ArrayList<>();
            for (Object f : (List<Object>) doc.get("files")) out.add((String) ((java.util.Map<String, Object>) f).get("path"));
            return out;
        } catch (Jsonc.JsoncException e) {
            throw new AssertionError("not JSON: " + e.getMessage() + "\n" + json);
        }
    }

    /** The source files a JSON report lists as selected (kind source). */
    @SuppressWarnings("unchecked")
    static List<String> jsonSources(String json) {
        try {
            java.util.Map<String, Object> doc = (java.util.Map<String, Object>) Jsonc.parse(json);
            List<String> out = new ArrayList<>();
            for (Object f : (List<Object>) doc.get("files")) {
                java.util.Map<String, Object> m = (java.util.Map<String, Object>) f;
                if ("source".equals(m.get("kind"))) out.add((String) m.get("path"));
            }
            return out;
        } catch (Jsonc.JsoncException e) {
            throw new AssertionError("not JSON: " + e.getMessage() + "\n" + json);
        }
    }
}
