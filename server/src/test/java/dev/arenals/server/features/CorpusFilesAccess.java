package dev.arenals.server.features;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** The labelled real-world corpus files, for tests outside this package. */
public final class CorpusFilesAccess {
    private CorpusFilesAccess() {}

    public static List<Path> corpusFiles() throws IOException { return OrganizeImportsCorpusTest.corpusFiles(); }
}
