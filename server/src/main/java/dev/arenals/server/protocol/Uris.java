package dev.arenals.server.protocol;

import java.net.URI;
import java.nio.file.Path;

/** Document URIs and file paths. */
public final class Uris {
    private Uris() {}

    /** The path of a file URI, absolute and normalized; null for any other URI or a malformed one. */
    public static Path pathOf(String uri) {
        if (uri == null) return null;
        try {
            URI u = URI.create(uri);
            return "file".equals(u.getScheme()) ? Path.of(u).toAbsolutePath().normalize() : null;
        } catch (RuntimeException e) {
            return null;
        }
    }
}
