package dev.arenals.server.document;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class PositionEncodingTest {
    // a: 1 unit everywhere; é (U+00E9): 2 UTF-8 bytes; € (U+20AC): 3; 😀 (U+1F600): 4 bytes, 2 UTF-16 units
    private static final String LINE = "aé€😀b";
    private static final char[] C = LINE.toCharArray();

    @Test
    void negotiationFollowsTheClientsPreference() {
        assertEquals(PositionEncoding.UTF16, PositionEncoding.negotiate(null));
        assertEquals(PositionEncoding.UTF16, PositionEncoding.negotiate(List.of()));
        assertEquals(PositionEncoding.UTF8, PositionEncoding.negotiate(List.of("utf-8", "utf-16")));
        assertEquals(PositionEncoding.UTF16, PositionEncoding.negotiate(List.of("utf-16", "utf-8")));
        assertEquals(PositionEncoding.UTF32, PositionEncoding.negotiate(List.of("latin-1", "utf-32")));
    }

    @Test
    void utf16ColumnsAreOffsets() {
        assertEquals(5, PositionEncoding.UTF16.offsetOf(C, 0, C.length, 5));
        assertEquals(C.length, PositionEncoding.UTF16.offsetOf(C, 0, C.length, 99), "clamped to the line end");
        assertEquals(5, PositionEncoding.UTF16.columnOf(C, 0, 5));
    }

    @Test
    void utf8ColumnsCountBytes() {
        int[] offsets = {0, 1, 2, 3, 5, 6};
        int[] columns = {0, 1, 3, 6, 10, 11};
        for (int i = 0; i < offsets.length; i++) {
            assertEquals(columns[i], PositionEncoding.UTF8.columnOf(C, 0, offsets[i]));
            assertEquals(offsets[i], PositionEncoding.UTF8.offsetOf(C, 0, C.length, columns[i]));
        }
        assertEquals(3, PositionEncoding.UTF8.offsetOf(C, 0, C.length, 8), "inside 😀: its start");
        assertEquals(1, PositionEncoding.UTF8.offsetOf(C, 0, C.length, 2), "inside é: its start");
        assertEquals(6, PositionEncoding.UTF8.offsetOf(C, 0, C.length, 500));
    }

    @Test
    void utf32ColumnsCountCodePoints() {
        assertEquals(4, PositionEncoding.UTF32.columnOf(C, 0, 5));
        assertEquals(5, PositionEncoding.UTF32.offsetOf(C, 0, C.length, 4));
        assertEquals(6, PositionEncoding.UTF32.offsetOf(C, 0, C.length, 5));
    }

    @Test
    void loneSurrogatesCountAsReplacementCharacters() {
        char[] lone = {'\uD83D', 'x'};
        assertEquals(3, PositionEncoding.UTF8.columnOf(lone, 0, 1));
        assertEquals(1, PositionEncoding.UTF32.columnOf(lone, 0, 1));
    }
}
