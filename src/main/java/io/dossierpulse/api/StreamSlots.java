package io.dossierpulse.api;

import java.util.HashMap;
import java.util.Map;

/** Counts the open event streams, in all and per client address, against their bounds. */
final class StreamSlots {

    enum Refusal { NONE, INSTANCE_FULL, CLIENT_FULL }

    private final int max;
    private final int maxPerClient;
    private final Map<String, Integer> perClient = new HashMap<>();
    private int open;

    StreamSlots(int max, int maxPerClient) {
        this.max = max;
        this.maxPerClient = maxPerClient;
    }

    synchronized Refusal acquire(String client) {
        if (open >= max) {
            return Refusal.INSTANCE_FULL;
        }
        int mine = perClient.getOrDefault(client, 0);
        if (mine >= maxPerClient) {
            return Refusal.CLIENT_FULL;
        }
        perClient.put(client, mine + 1);
        open++;
        return Refusal.NONE;
    }

    synchronized void release(String client) {
        Integer mine = perClient.get(client);
        if (mine == null) {
            return;
        }
        if (mine <= 1) {
            perClient.remove(client);
        } else {
            perClient.put(client, mine - 1);
        }
        open--;
    }

    synchronized int open() {
        return open;
    }
}
