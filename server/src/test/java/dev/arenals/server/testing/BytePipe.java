package dev.arenals.server.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayDeque;

/**
 * An in-memory pipe for tests: unlike {@code PipedInputStream} it does not fail when the thread
 * that last wrote has ended, its {@code available()} is exact, and a reader sees end of input
 * once the writing side is closed.
 */
public final class BytePipe {
    private final ArrayDeque<byte[]> chunks = new ArrayDeque<>();
    private byte[] current;
    private int offset;
    private boolean closed;

    public final OutputStream out = new OutputStream() {
        @Override public void write(int b) throws IOException { write(new byte[] {(byte) b}, 0, 1); }

        @Override public void write(byte[] b, int off, int len) throws IOException {
            if (len == 0) return;
            byte[] copy = java.util.Arrays.copyOfRange(b, off, off + len);
            synchronized (BytePipe.this) {
                if (closed) throw new IOException("pipe closed");
                chunks.add(copy);
                BytePipe.this.notifyAll();
            }
        }

        @Override public void close() { closeWriter(); }
    };

    /** Ends the input: a reader gets what is left, then end of input. */
    public synchronized void closeWriter() {
        closed = true;
        notifyAll();
    }

    public final InputStream in = new InputStream() {
        @Override public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) return 0;
            synchronized (BytePipe.this) {
                while (current == null) {
                    current = chunks.poll();
                    offset = 0;
                    if (current != null) break;
                    if (closed) return -1;
                    try {
                        BytePipe.this.wait();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new java.io.InterruptedIOException();
                    }
                }
                int n = Math.min(len, current.length - offset);
                System.arraycopy(current, offset, b, off, n);
                offset += n;
                if (offset == current.length) current = null;
                return n;
            }
        }

        @Override public int available() {
            synchronized (BytePipe.this) {
                int n = current == null ? 0 : current.length - offset;
                for (byte[] c : chunks) n += c.length;
                return n;
            }
        }

        @Override public void close() { closeWriter(); }
    };
}
