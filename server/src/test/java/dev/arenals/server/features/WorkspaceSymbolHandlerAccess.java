package dev.arenals.server.features;

/** Test access to the package-private matcher. */
public final class WorkspaceSymbolHandlerAccess {
    private WorkspaceSymbolHandlerAccess() {}

    public static boolean humps(String query, String name) { return WorkspaceSymbolHandler.matchesHumps(query, name); }
}
