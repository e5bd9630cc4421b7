package io.dossierpulse.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Cuts a request body into the byte ranges of its events, without decoding them. */
final class BatchSplitter {

    /** One event's bytes within the body; {@code number} is its line or element number from 1. */
    record Slice(int number, int offset, int length) {
    }

    private static final JsonFactory JSON = new JsonFactory();

    /** More events in one request than allowed: counted while splitting, so a hostile body allocates little. */
    static final class TooManyEvents extends Exception {
        TooManyEvents(int max) {
            super("at most " + max + " events per request", null, false, false);
        }
    }

    private BatchSplitter() {
    }

    /** NDJSON: one event per line; blank lines are skipped but still counted. */
    static List<Slice> lines(byte[] body, int max) throws TooManyEvents {
        List<Slice> slices = new ArrayList<>();
        int line = 0;
        int start = 0;
        for (int i = 0; i <= body.length; i++) {
            if (i == body.length || body[i] == '\n') {
                line++;
                int end = i > start && body[i - 1] == '\r' ? i - 1 : i;
                if (!isBlank(body, start, end)) {
                    if (slices.size() == max) {
                        throw new TooManyEvents(max);
                    }
                    slices.add(new Slice(line, start, end - start));
                }
                start = i + 1;
            }
        }
        return slices;
    }

    /** A JSON array: one event per element. Throws when the body is not an array. */
    static List<Slice> arrayElements(byte[] body, int max) throws IOException, TooManyEvents {
        List<Slice> slices = new ArrayList<>();
        try (JsonParser p = JSON.createParser(body)) {
            if (p.nextToken() != JsonToken.START_ARRAY) {
                throw new IOException("a JSON body must be an array of events");
            }
            int element = 0;
            JsonToken t;
            while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                if (t == null) {
                    throw new IOException("the JSON array is not closed");
                }
                element++;
                if (element > max) {
                    throw new TooManyEvents(max);
                }
                int from = (int) p.currentTokenLocation().getByteOffset();
                p.skipChildren();
                int to = (int) p.currentLocation().getByteOffset();
                slices.add(new Slice(element, from, to - from));
            }
            if (p.nextToken() != null) {
                throw new IOException("unexpected content after the JSON array");
            }
        }
        return slices;
    }

    private static boolean isBlank(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != ' ' && b[i] != '\t' && b[i] != '\r') {
                return false;
            }
        }
        return true;
    }
}
