package dev.arenals.server;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The server's name and version (the Maven project version, filtered into version.properties). */
public final class ServerInfo {
    public static final String NAME = "arena-ls";
    private static final String VERSION = load();

    private ServerInfo() {}

    public static String version() { return VERSION; }

    private static String load() {
        try (InputStream in = ServerInfo.class.getResourceAsStream("version.properties")) {
            if (in == null) return "unknown";
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "unknown");
            return v.startsWith("${") ? "unknown" : v;
        } catch (IOException e) {
            return "unknown";
        }
    }
}
