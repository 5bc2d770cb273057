package dev.arenals.server.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A harness's input: a number N is a generated module of N lines, anything else a file to read. */
record BenchInput(String name, String uri, String text) {
    static BenchInput of(String arg) throws IOException {
        if (!arg.isEmpty() && arg.chars().allMatch(Character::isDigit)) {
            return new BenchInput("generated " + arg + " lines", "file:///bench/generated.js", GeneratedSource.module(Integer.parseInt(arg)));
        }
        Path path = Path.of(arg);
        return new BenchInput(path.getFileName().toString(), path.toUri().toString(), Files.readString(path, StandardCharsets.UTF_8));
    }
}
