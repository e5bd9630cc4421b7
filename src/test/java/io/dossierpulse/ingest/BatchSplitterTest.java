package io.dossierpulse.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Splitting counts as it goes: a body of millions of tiny elements or lines is refused at the first
 * one past the limit, with at most that many slices made, whatever the body's size.
 */
class BatchSplitterTest {

    private static byte[] tinyElements(int bytes) {
        byte[] b = new byte[bytes]; // [1,1,1,...,1]
        b[0] = '[';
        for (int i = 1; i < b.length - 1; i++) {
            b[i] = (byte) (i % 2 == 1 ? '1' : ',');
        }
        b[b.length - 2] = '1';
        b[b.length - 1] = ']';
        return b;
    }

    @Test
    void eightMegabytesOfTinyElementsStopAtTheLimit() {
        byte[] body = tinyElements(8 * 1024 * 1024); // about 4 million elements
        BatchSplitter.TooManyEvents e = assertThrows(BatchSplitter.TooManyEvents.class,
                () -> BatchSplitter.arrayElements(body, 5000));
        assertTrue(e.getMessage().contains("5000"), e.getMessage());
    }

    @Test
    void eightMegabytesOfEmptyishLinesStopAtTheLimit() {
        byte[] body = new byte[8 * 1024 * 1024];
        Arrays.fill(body, (byte) '\n');
        for (int i = 0; i < body.length; i += 2) {
            body[i] = '1';
        }
        assertThrows(BatchSplitter.TooManyEvents.class, () -> BatchSplitter.lines(body, 5000));
    }

    @Test
    void withinTheLimitEveryElementIsASlice() throws Exception {
        List<BatchSplitter.Slice> slices = BatchSplitter.arrayElements("[{\"a\":1}, {\"b\":[2]}]"
                .getBytes(StandardCharsets.UTF_8), 5000);
        assertEquals(2, slices.size());
        assertEquals(1, slices.get(0).number());
        assertEquals(2, slices.get(1).number());
    }
}
