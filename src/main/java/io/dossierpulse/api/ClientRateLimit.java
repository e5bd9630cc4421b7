package io.dossierpulse.api;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Requests per client address in fixed one-minute windows. The table is dropped at each new window
 * and holds at most {@code maxClients} addresses; past that, new addresses share one allowance, so a
 * flood of spoofed or rotating addresses cannot grow memory (it only slows itself down).
 */
final class ClientRateLimit {

    private static final long WINDOW_MS = 60_000;
    private static final String SHARED = "";

    private final int perWindow;
    private final int maxClients;
    private volatile Window window = new Window(0);

    ClientRateLimit(int perWindow, int maxClients) {
        this.perWindow = perWindow;
        this.maxClients = maxClients;
    }

    /** Counts one request; false when the client has used its allowance in this window. */
    boolean allow(String client, long nowMillis) {
        long id = nowMillis / WINDOW_MS;
        Window w = window;
        if (w.id != id) {
            synchronized (this) {
                if (window.id != id) {
                    window = new Window(id);
                }
                w = window;
            }
        }
        String key = w.counts.size() >= maxClients && !w.counts.containsKey(client) ? SHARED : client;
        return w.counts.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet() <= perWindow;
    }

    /** Seconds until the next window, for Retry-After. */
    static long secondsToNextWindow(long nowMillis) {
        return (WINDOW_MS - nowMillis % WINDOW_MS + 999) / 1000;
    }

    private static final class Window {
        final long id;
        final ConcurrentHashMap<String, AtomicInteger> counts = new ConcurrentHashMap<>();

        Window(long id) {
            this.id = id;
        }
    }
}
