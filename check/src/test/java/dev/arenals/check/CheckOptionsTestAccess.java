package dev.arenals.check;

/** Package access to {@link CheckOptions#size(String)} for the tests. */
final class CheckOptionsTestAccess {
    private CheckOptionsTestAccess() {}

    static long size(String s) {
        try {
            return CheckOptions.size(s);
        } catch (CheckOptions.UsageException e) {
            throw new AssertionError(e);
        }
    }
}
