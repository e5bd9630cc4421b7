package io.dossierpulse.feed;

import java.util.concurrent.locks.LockSupport;

/** Holds a loop to a target rate (events per second); a rate of 0 or less means as fast as possible. */
final class Pacer {

    private final double rate;
    private final long startNanos = System.nanoTime();
    private long count;

    Pacer(double rate) {
        this.rate = rate;
    }

    void await() {
        count++;
        if (rate <= 0) {
            return;
        }
        long due = startNanos + (long) (count * 1e9 / rate);
        long wait = due - System.nanoTime();
        if (wait > 1_000_000) {
            LockSupport.parkNanos(wait);
        }
    }
}
