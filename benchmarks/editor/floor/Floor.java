import java.io.IOException;

/**
 * The JVM alone, for the start-up and memory floors of editor-latency.mjs --floors: {@code hello}
 * prints a line and exits (the cost of starting and stopping the JVM); {@code idle} waits for the
 * end of its input (what a JVM with the editor's options holds doing nothing).
 */
public final class Floor {
    private Floor() {}

    public static void main(String[] args) throws IOException {
        if (args.length > 0 && args[0].equals("idle")) {
            while (System.in.read() >= 0) { /* until the harness closes stdin */ }
            return;
        }
        System.out.println("hello");
    }
}
