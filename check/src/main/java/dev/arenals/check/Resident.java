package dev.arenals.check;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * What the resident client and daemon share: where the daemon's socket is, how a build is
 * recognised, and the frames they exchange. Kept to JDK classes the client needs anyway, so a
 * {@code --resident} client loads nothing of the checker.
 *
 * <p>A frame is a type byte, a 4-byte big-endian length and that many bytes. The client sends one
 * {@link #REQUEST} (or {@link #STOP}); the daemon answers {@link #ACCEPTED}, then {@link #OUT},
 * {@link #ERR} and {@link #ALIVE} frames in any order, then {@link #EXIT}; or {@link #STALE} (it
 * runs another build: start a new one) or {@link #ERROR} (a bad request).
 */
final class Resident {
    private Resident() {}

    /** Raised on both sides when the other side's frames make no sense. */
    static final class ProtocolException extends IOException {
        ProtocolException(String message) { super(message); }
    }

    /** Bumped whenever a frame changes: a daemon of another protocol answers {@link #STALE}. */
    static final int PROTOCOL = 1;

    // client → daemon
    static final byte REQUEST = 1;
    static final byte STOP = 2;
    // daemon → client
    static final byte ACCEPTED = 10;
    static final byte OUT = 11;
    static final byte ERR = 12;
    static final byte ALIVE = 13;
    static final byte EXIT = 14;
    static final byte STALE = 15;
    static final byte ERROR = 16;

    /** Larger frames are refused (a request is a few KB; report chunks are at most 64 KB). */
    static final int MAX_FRAME = 16 << 20;
    /** More arguments than this are refused. */
    static final int MAX_ARGS = 1 << 16;

    /** How often a daemon tells a waiting client it is alive. */
    static final long ALIVE_EVERY_MILLIS = 1000;

    /** The socket, lock and log of one build's daemon, in a private directory. */
    static final class Place {
        final Path directory;
        final Path socket;
        final Path lock;
        final Path log;
        /** The build and JVM this place is for (see {@link #identity}). */
        final String identity;

        /**
         * {@code key}: what names the socket, the JVM and the class path's paths; {@code identity}:
         * those and each jar's size and time. One daemon per build and JVM, so two checkouts (or two
         * JDKs) of one user each get theirs; a rebuild at the same path keeps the socket and is told
         * apart by the identity.
         */
        Place(Path directory, String key, String identity) {
            this.directory = directory;
            this.identity = identity;
            String name = "check-" + Long.toHexString(fnv64(key));
            this.socket = directory.resolve(name + ".sock");
            this.lock = directory.resolve(name + ".lock");
            this.log = directory.resolve(name + ".log");
        }

        /** This process's place in {@code directory}. */
        static Place of(Path directory) {
            return new Place(directory, identity(false), identity(true));
        }
    }

    /**
     * The private directory of this user's daemons: {@code ARENA_LS_RESIDENT_DIR}, else
     * {@code $XDG_RUNTIME_DIR/arena-ls}, else {@code ${XDG_CACHE_HOME:-~/.cache}/arena-ls/resident}.
     * Created mode 0700; refused (IOException) when it exists and is a link, is not the user's own
     * or others may enter it: another user could then answer our requests.
     */
    static Path directory() throws IOException {
        String explicit = System.getenv("ARENA_LS_RESIDENT_DIR");
        Path dir;
        if (explicit != null && !explicit.isEmpty()) {
            dir = Path.of(explicit);
        } else {
            String runtime = System.getenv("XDG_RUNTIME_DIR");
            if (runtime != null && !runtime.isEmpty() && Files.isDirectory(Path.of(runtime))) {
                dir = Path.of(runtime, "arena-ls");
            } else {
                String cache = System.getenv("XDG_CACHE_HOME");
                dir = cache != null && !cache.isEmpty() ? Path.of(cache, "arena-ls", "resident")
                        : Path.of(System.getProperty("user.home"), ".cache", "arena-ls", "resident");
            }
        }
        return privateDirectory(dir.toAbsolutePath());
    }

    static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

    static Path privateDirectory(Path dir) throws IOException {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            if (dir.getParent() != null) Files.createDirectories(dir.getParent());
            try {
                Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            } catch (java.nio.file.FileAlreadyExistsException raced) {
                // another client made it: checked below like any existing one
            }
            // the umask may have taken bits away, never added any; set exactly 0700
            Files.setPosixFilePermissions(dir, OWNER_ONLY);
        }
        if (Files.isSymbolicLink(dir) || !Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException(dir + " is not a directory");
        }
        Object owner = Files.getAttribute(dir, "unix:uid", LinkOption.NOFOLLOW_LINKS);
        Object self = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
        if (!owner.equals(self)) throw new IOException(dir + " belongs to another user");
        if (!Files.getPosixFilePermissions(dir, LinkOption.NOFOLLOW_LINKS).equals(OWNER_ONLY)) {
            throw new IOException(dir + " is not private (mode 0700 expected)");
        }
        return dir;
    }

    /**
     * The build and JVM this process runs: the protocol, {@code java.home}, and each class-path entry
     * with its size and modification time. A rebuilt jar changes it; the daemon compares it with the
     * client's on every request and with the files every few seconds.
     */
    static String identity() {
        return identity(true);
    }

    /** {@code withFiles}: each jar's size and time too; without them, what names the socket. */
    static String identity(boolean withFiles) {
        StringBuilder sb = new StringBuilder();
        sb.append("protocol ").append(PROTOCOL).append('\n');
        sb.append("java ").append(System.getProperty("java.home")).append('\n');
        for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            if (entry.isEmpty()) continue;
            Path p = Path.of(entry).toAbsolutePath().normalize();
            sb.append("cp ").append(p);
            // a directory's size and time say nothing about the classes in it (the tests' target/classes)
            if (withFiles && Files.isRegularFile(p)) {
                File f = p.toFile();
                sb.append(' ').append(f.length()).append(' ').append(f.lastModified());
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    static long fnv64(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        return h;
    }

    // --- frames

    /** Writes one frame; callers writing from several threads synchronize on the channel. */
    static void write(SocketChannel ch, byte type, byte[] payload, int off, int len) throws IOException {
        // one buffer, one write: a gathering write would load the iovec machinery into the client
        ByteBuffer frame = ByteBuffer.allocate(5 + len);
        frame.put(type).putInt(len).put(payload, off, len).flip();
        while (frame.hasRemaining()) ch.write(frame);
    }

    static void write(SocketChannel ch, byte type, byte[] payload) throws IOException {
        write(ch, type, payload, 0, payload.length);
    }

    static void writeInt(SocketChannel ch, byte type, int value) throws IOException {
        write(ch, type, ByteBuffer.allocate(4).putInt(value).array());
    }

    /** A frame read whole: its type and payload. */
    static final class Frame {
        final byte type;
        final byte[] payload;

        Frame(byte type, byte[] payload) {
            this.type = type;
            this.payload = payload;
        }

        int intValue() throws ProtocolException {
            if (payload.length != 4) throw new ProtocolException("frame " + type + " of " + payload.length + " bytes, 4 expected");
            return ByteBuffer.wrap(payload).getInt();
        }

        String text() { return new String(payload, StandardCharsets.UTF_8); }
    }

    /** Reads one frame; EOFException when the other side closed before a whole frame. */
    static Frame read(SocketChannel ch) throws IOException {
        ByteBuffer head = ByteBuffer.allocate(5);
        readFully(ch, head);
        head.flip();
        byte type = head.get();
        int len = head.getInt();
        if (len < 0 || len > MAX_FRAME) throw new ProtocolException("frame of " + len + " bytes");
        ByteBuffer body = ByteBuffer.allocate(len);
        readFully(ch, body);
        return new Frame(type, body.array());
    }

    private static void readFully(SocketChannel ch, ByteBuffer b) throws IOException {
        while (b.hasRemaining()) {
            if (ch.read(b) < 0) throw new EOFException("connection closed");
        }
    }

    // --- the request

    /** What the client sends: everything a cold run would read from its own process. */
    static final class Request {
        String identity;
        String workingDirectory;
        boolean stdoutTty;
        boolean stderrTty;
        boolean noColor;
        boolean debug;
        int processors;
        String[] args;

        byte[] encode() {
            try {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
                DataOutputStream out = new DataOutputStream(bytes);
                out.writeInt(PROTOCOL);
                string(out, identity);
                string(out, workingDirectory);
                out.writeByte((stdoutTty ? 1 : 0) | (stderrTty ? 2 : 0) | (noColor ? 4 : 0) | (debug ? 8 : 0));
                out.writeInt(processors);
                out.writeInt(args.length);
                for (String a : args) string(out, a);
                return bytes.toByteArray();
            } catch (IOException e) {
                throw new IllegalStateException(e); // a ByteArrayOutputStream does not fail
            }
        }

        private static void string(DataOutputStream out, String s) throws IOException {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            out.writeInt(b.length);
            out.write(b);
        }

        /** Decodes a request; ProtocolException for anything malformed (never another exception). */
        static Request decode(byte[] payload) throws ProtocolException {
            ByteBuffer in = ByteBuffer.wrap(payload);
            try {
                int protocol = in.getInt();
                Request r = new Request();
                if (protocol != PROTOCOL) {
                    r.identity = "protocol " + protocol;
                    r.args = new String[0];
                    return r;
                }
                r.identity = string(in);
                r.workingDirectory = string(in);
                int flags = in.get();
                r.stdoutTty = (flags & 1) != 0;
                r.stderrTty = (flags & 2) != 0;
                r.noColor = (flags & 4) != 0;
                r.debug = (flags & 8) != 0;
                r.processors = in.getInt();
                if (r.processors < 1 || r.processors > 1 << 16) throw new ProtocolException("processors " + r.processors);
                int n = in.getInt();
                if (n < 0 || n > MAX_ARGS) throw new ProtocolException(n + " arguments");
                r.args = new String[n];
                for (int i = 0; i < n; i++) r.args[i] = string(in);
                if (in.hasRemaining()) throw new ProtocolException(in.remaining() + " bytes after the request");
                return r;
            } catch (java.nio.BufferUnderflowException e) {
                throw new ProtocolException("request cut short");
            }
        }

        private static String string(ByteBuffer in) throws ProtocolException {
            int len = in.getInt();
            if (len < 0 || len > in.remaining()) throw new ProtocolException("string of " + len + " bytes");
            String s = new String(in.array(), in.position(), len, StandardCharsets.UTF_8);
            in.position(in.position() + len);
            return s;
        }
    }
}
