package io.dossierpulse.perf.load;

import io.dossierpulse.contract.EventCodec;
import io.dossierpulse.domain.DossierEvent;
import io.dossierpulse.feed.EventSink;

/**
 * The service's own generator feed ({@link EventSink#kafka}: idempotent, acks=all, 256 KiB batches,
 * linger 20 ms, lz4, keyed by dossierId), so that a preload is produced the way the service's
 * {@code generate} command produces. It counts what it was given and samples the encoded size.
 */
final class FeedSink implements AutoCloseable {

    /** One event in this many is encoded a second time to measure its size: enough for an average. */
    private static final int SAMPLE_EVERY = 64;

    private final EventSink sink;
    private final EventCodec codec = new EventCodec();
    private long written;
    private long sampled;
    private long sampledBytes;

    FeedSink(String bootstrap, String topic) {
        this.sink = EventSink.kafka(bootstrap, topic);
    }

    /** Throws once the broker has refused an earlier event. */
    void write(DossierEvent e) {
        if (written % SAMPLE_EVERY == 0) {
            sampledBytes += codec.encode(e).length;
            sampled++;
        }
        sink.write(e);
        written++;
    }

    long written() {
        return written;
    }

    double bytesPerEvent() {
        return sampled == 0 ? 0 : (double) sampledBytes / sampled;
    }

    /** Waits for every acknowledgement; throws when the broker refused any event. */
    @Override
    public void close() {
        sink.close();
    }
}
