package dev.arenals.check;

import dev.arenals.parser.scope.UnusedDeclarations;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/** The parsed command line of {@code arena-ls check}. */
final class CheckOptions {
    /** A bad command line: exit code 2 with this message. */
    static final class UsageException extends Exception {
        UsageException(String message) { super(message); }
    }

    enum Format {
        STYLISH, TSC, JSON, SARIF, GITHUB, JUNIT, GITLAB, CHECKSTYLE;

        static Format parse(String s) throws UsageException {
            for (Format f : values()) if (f.name().equalsIgnoreCase(s)) return f;
            throw new UsageException("unknown format '" + s + "' (stylish, tsc, json, sarif, github, junit, gitlab, checkstyle)");
        }

        String word() { return name().toLowerCase(Locale.ROOT); }
    }

    static final long DEFAULT_MAX_FILE_SIZE = 10L * 1024 * 1024;

    final List<String> inputs = new ArrayList<>();
    Format format = Format.STYLISH;
    String output;
    int threads = Runtime.getRuntime().availableProcessors();
    int shardIndex;  // 1-based; 0 = no sharding
    int shardCount;
    String project;
    boolean noIgnore;
    int maxWarnings = -1;
    long maxFileSize = DEFAULT_MAX_FILE_SIZE;
    final Set<Integer> warnCodes = new TreeSet<>();
    Boolean color;   // null: automatic (a terminal, and NO_COLOR unset)
    boolean quiet;
    boolean help;
    boolean version;
    boolean stats;
    /** --resolve: also the diagnostics that need other files (TS2307, TS2305). */
    boolean resolve;
    String cwd;

    static CheckOptions parse(String[] args) throws UsageException {
        return parse(args, Runtime.getRuntime().availableProcessors());
    }

    /** {@code processors}: the default of --threads (a resident daemon's client's count, not the daemon's). */
    static CheckOptions parse(String[] args, int processors) throws UsageException {
        CheckOptions o = new CheckOptions();
        o.threads = processors;
        boolean optionsEnded = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (optionsEnded || !a.startsWith("-") || a.equals("-")) {
                if (a.isEmpty()) throw new UsageException("empty path argument");
                o.inputs.add(a);
                continue;
            }
            if (a.equals("--")) { optionsEnded = true; continue; }
            String name = a;
            String value = null;
            int eq = a.indexOf('=');
            if (a.startsWith("--") && eq > 0) {
                name = a.substring(0, eq);
                value = a.substring(eq + 1);
            } else if (!a.startsWith("--") && a.length() > 2 && "fojp".indexOf(a.charAt(1)) >= 0) {
                name = a.substring(0, 2); // -j2, -ftsc, -oFILE, -pFILE
                value = a.substring(2);
            }
            switch (name) {
                case "-h": case "--help": noValue(name, value); o.help = true; break;
                case "--version": noValue(name, value); o.version = true; break;
                case "-q": case "--quiet": noValue(name, value); o.quiet = true; break;
                case "--no-ignore": noValue(name, value); o.noIgnore = true; break;
                case "--color": case "--colour": noValue(name, value); o.color = Boolean.TRUE; break;
                case "--no-color": case "--no-colour": noValue(name, value); o.color = Boolean.FALSE; break;
                case "--stats": noValue(name, value); o.stats = true; break;
                case "--resolve": noValue(name, value); o.resolve = true; break;
                case "-f": case "--format":
                    o.format = Format.parse(value != null ? value : next(args, ++i, name));
                    break;
                case "-o": case "--output":
                    o.output = value != null ? value : next(args, ++i, name);
                    if (o.output.isEmpty()) throw new UsageException(name + " needs a file name");
                    break;
                case "-j": case "--threads":
                    o.threads = intValue(name, value != null ? value : next(args, ++i, name));
                    if (o.threads < 1 || o.threads > 1024) throw new UsageException(name + " must be between 1 and 1024");
                    break;
                case "--shard": {
                    String v = value != null ? value : next(args, ++i, name);
                    int slash = v.indexOf('/');
                    if (slash < 0) throw new UsageException("--shard must be I/N, e.g. 2/4");
                    o.shardIndex = intValue(name, v.substring(0, slash));
                    o.shardCount = intValue(name, v.substring(slash + 1));
                    if (o.shardCount < 1 || o.shardIndex < 1 || o.shardIndex > o.shardCount) {
                        throw new UsageException("--shard " + v + ": I must be between 1 and N");
                    }
                    break;
                }
                case "-p": case "--project":
                    o.project = value != null ? value : next(args, ++i, name);
                    if (o.project.isEmpty()) throw new UsageException(name + " needs a file name");
                    break;
                case "--max-warnings":
                    o.maxWarnings = intValue(name, value != null ? value : next(args, ++i, name));
                    if (o.maxWarnings < 0) throw new UsageException("--max-warnings must be 0 or more");
                    break;
                case "--max-file-size":
                    o.maxFileSize = size(value != null ? value : next(args, ++i, name));
                    break;
                case "--warn": {
                    String v = value != null ? value : next(args, ++i, name);
                    for (String part : v.split(",")) {
                        String c = part.trim();
                        if (c.equalsIgnoreCase("unused")) {
                            // unused declarations, imports and parameters: TypeScript's 6133, off unless asked for
                            o.warnCodes.add(UnusedDeclarations.CODE);
                            continue;
                        }
                        if (c.regionMatches(true, 0, "TS", 0, 2)) c = c.substring(2);
                        o.warnCodes.add(intValue(name, c));
                    }
                    break;
                }
                case "--cwd":
                    o.cwd = value != null ? value : next(args, ++i, name);
                    break;
                default:
                    throw new UsageException("unknown option '" + a + "'");
            }
        }
        return o;
    }

    private static void noValue(String name, String value) throws UsageException {
        if (value != null) throw new UsageException(name + " takes no value");
    }

    private static String next(String[] args, int i, String name) throws UsageException {
        if (i >= args.length) throw new UsageException(name + " needs a value");
        return args[i];
    }

    private static int intValue(String name, String v) throws UsageException {
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new UsageException(name + ": '" + v + "' is not a number");
        }
    }

    /** A size: a number of bytes with an optional unit (K, KB, M, MB, G, GB; powers of 1024). */
    static long size(String v) throws UsageException {
        String s = v.trim().toUpperCase(Locale.ROOT);
        long unit = 1;
        if (s.endsWith("B")) s = s.substring(0, s.length() - 1);
        if (s.endsWith("K")) { unit = 1024; s = s.substring(0, s.length() - 1); }
        else if (s.endsWith("M")) { unit = 1024 * 1024; s = s.substring(0, s.length() - 1); }
        else if (s.endsWith("G")) { unit = 1024L * 1024 * 1024; s = s.substring(0, s.length() - 1); }
        try {
            double d = Double.parseDouble(s.trim());
            if (!(d > 0) || d * unit > 1L << 30) {
                throw new UsageException("--max-file-size must be more than 0 and at most 1 GB");
            }
            return (long) (d * unit);
        } catch (NumberFormatException e) {
            throw new UsageException("--max-file-size: '" + v + "' is not a size (e.g. 10MB, 512K, 1048576)");
        }
    }
}
