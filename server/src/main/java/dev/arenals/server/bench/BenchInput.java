package dev.arenals.server.bench;

import dev.arenals.server.document.Document;
import dev.arenals.server.document.ParseTools;
import dev.arenals.server.document.PositionEncoding;
import dev.arenals.server.document.SerialQueue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A harness's input: a number N is a generated module of N lines, anything else a file to read. */
record BenchInput(String name, String uri, String text) {
    static BenchInput of(String arg) throws IOException {
        if (!arg.isEmpty() && arg.chars().allMatch(Character::isDigit)) {
            return new BenchInput("generated " + arg + " lines", "file:///bench/generated.js", GeneratedSource.module(Integer.parseInt(arg)));
        }
        Path path = Path.of(arg);
        return new BenchInput(path.getFileName().toString(), path.toUri().toString(), Files.readString(path, StandardCharsets.UTF_8));
    }

    /** What a request harness measures on one input. */
    interface Measure {
        void run(String name, String uri, String text, int requests) throws Exception;
    }

    /**
     * The request harnesses' command line: inputs (default: a generated 10,000-line module) and
     * {@code --requests N} (default 2000); runs {@code measure} on each input in turn.
     */
    static void forEachInput(String[] args, Measure measure) throws Exception {
        int requests = 2000;
        List<String> inputs = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--requests")) requests = Integer.parseInt(args[++i]);
            else inputs.add(args[i]);
        }
        if (inputs.isEmpty()) inputs.add("10000");
        for (String input : inputs) {
            BenchInput in = of(input);
            measure.run(in.name(), in.uri(), in.text(), requests);
        }
    }

    /** A document of {@code text}, parsed, whose queue runs on the caller's thread. */
    static Document parsedDocument(String uri, String text) {
        Document doc = new Document(uri, null, 1, text, PositionEncoding.UTF16,
                new SerialQueue(Runnable::run, null, t -> { throw new AssertionError(t); }));
        doc.ensureParsed(ParseTools.current(), Long.MAX_VALUE);
        return doc;
    }
}
