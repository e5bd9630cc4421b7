package io.dossierpulse.bench;

import io.dossierpulse.contract.EventCodec;
import io.dossierpulse.contract.ParseResult;
import io.dossierpulse.domain.DossierEvent;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * {@link EventCodec#decode(byte[])} of contract v1 events as they arrive from Kafka: UTF-8 JSON of
 * about 300 bytes with the optional fields a source system usually sends (channel, dueAt, the
 * three flags, a Vietnamese reason on supplement requests). The inputs are the encoded events of
 * {@link Dossiers}, all different, so ids, instants and types vary from call to call.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class EventDecodeBenchmark {

    private EventCodec codec;
    private byte[][] records;
    private int cursor;

    @Setup
    public void setUp() {
        codec = new EventCodec();
        DossierEvent[] events = Dossiers.build(Workload.random(3)).events;
        records = new byte[events.length][];
        long bytes = 0;
        for (int i = 0; i < events.length; i++) {
            records[i] = codec.encode(events[i]);
            bytes += records[i].length;
            // Only the successful path is measured: every record must decode back to its event.
            if (!(codec.decode(records[i]) instanceof ParseResult.Valid v) || !v.event().equals(events[i])) {
                throw new IllegalStateException("record does not round-trip: " + new String(records[i], StandardCharsets.UTF_8));
            }
        }
        System.out.printf("%n%d records, %.0f bytes on average%n", records.length, (double) bytes / records.length);
    }

    @Benchmark
    public ParseResult decode() {
        int i = cursor;
        cursor = (i + 1) & Workload.MASK;
        return codec.decode(records[i]);
    }
}
