#!/bin/sh
# Run by `mvn package` (server/pom.xml) after the jar is shaded: the class-data archive that
# `bin/arena-ls` (the language server) starts from, so an editor's server answers `initialize`
# sooner (docs/performance-comparison.md, "The editor path, from the client's side").
#
#   server/scripts/server-archive.sh JDK TARGET
#
# 1. The classes a session loads: `arena-ls selftest` (an in-process session over pipes: initialize,
#    open, edits, hover, symbols, shutdown) with -XX:DumpLoadedClassList, then the same for a short
#    session on stdin/stdout as an editor starts the server (Main's stdio path, the warm-up thread, the
#    parent-process watch, the lambdas on that path: none of them run in selftest, and a class or lambda
#    missing from the archive is read from the jar, or spun, at every start) → TARGET/arena-ls-server.classlist.
# 2. A static archive of them (the JDK's own classes included), -Xshare:dump → TARGET/arena-ls-server.jsa,
#    and TARGET/arena-ls-server.made-from naming the JDK (a physical path) that made it.
#
# Static, not a dynamic archive (-XX:ArchiveClassesAtExit): a dynamic archive written at the end of a
# training run keeps the state of methods that run left queued for compilation, and on JDK 17.0.15
# the JIT then never compiles them (the binder's walk interpreted: every reparse ~40x slower). A
# static dump runs nothing. A JVM other than JDK, or a jar newer than the archive, must not be given
# it (such a JVM gives up class sharing altogether): bin/arena-ls checks both.
# Without an archive (the dump failed) the launcher starts the server as before.
set -eu
jdk="$(cd -P "$1" && pwd -P)"
target="$2"
jar="$target/arena-ls.jar"
archive="$target/arena-ls-server.jsa"
list="$target/arena-ls-server.classlist"
log="$target/arena-ls-server-archive.log"
rm -f "$archive" "$list" "$target/arena-ls-server.made-from"
if ! "$jdk/bin/java" -XX:+UseSerialGC -XX:DumpLoadedClassList="$list" -Xlog:disable -Xlog:all=warning:stderr \
        -jar "$jar" selftest > "$log" 2>&1; then
    echo "server-archive: the selftest failed (see $log)" >&2
    exit 1
fi
# a short editor session on stdin (LSP framing; the bodies are ASCII, so characters are bytes):
# initialize with this shell as the parent process, initialized, a large document opened, a small one, a pause for their
# diagnostics and the warm-up thread (it starts once they are out), shutdown, exit
frame() { printf 'Content-Length: %d\r\n\r\n%s' "${#1}" "$1"; }
stdio_list="$target/arena-ls-server-stdio.classlist"
if ! {
    frame '{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"processId":'$$',"rootUri":null,"capabilities":{"general":{"positionEncodings":["utf-16"]},"window":{"workDoneProgress":true},"textDocument":{"publishDiagnostics":{"versionSupport":true}}}}}'
    frame '{"jsonrpc":"2.0","method":"initialized","params":{}}'
    # a text over 64 KB (FrameReader decodes a large didOpen's text directly: protocol/DidOpenText), first:
    # a second open stops the warm-up once it runs
    frame '{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file:///arena-ls-archive/b.ts","languageId":"typescript","version":1,"text":"// '"$(printf '%070000d' 0)"'\n"}}}'
    frame '{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file:///arena-ls-archive/a.ts","languageId":"typescript","version":1,"text":"export const a: number = 1;\nfunction f(x: string) { return x + a; }\n"}}}'
    sleep 1
    frame '{"jsonrpc":"2.0","id":2,"method":"shutdown","params":null}'
    frame '{"jsonrpc":"2.0","method":"exit","params":null}'
} | "$jdk/bin/java" -XX:+UseSerialGC -XX:DumpLoadedClassList="$stdio_list" -Xlog:disable -Xlog:all=warning:stderr \
        -jar "$jar" > /dev/null 2>> "$log"; then
    echo "server-archive: the stdio session failed (see $log)" >&2
    exit 1
fi
# one list: the stdio session's classes not already in selftest's (the JVM accepts any order)
awk '!seen[$0]++' "$list" "$stdio_list" > "$list.tmp" && mv "$list.tmp" "$list"
rm -f "$stdio_list"
# the archive's class path is the jar's path as given here; the JVM accepts the same file named otherwise
if "$jdk/bin/java" -Xshare:dump -XX:SharedClassListFile="$list" -XX:SharedArchiveFile="$archive" \
        -Xlog:disable -Xlog:all=warning:stderr -cp "$jar" >> "$log" 2>&1 && [ -f "$archive" ]; then
    echo "$jdk" > "$target/arena-ls-server.made-from"
else
    rm -f "$archive"
    echo "server-archive: no class-data archive, bin/arena-ls starts the server without one (see $log)" >&2
fi
