package io.dossierpulse.streams;

/**
 * A record on its way out of the portal-sync steps: to the next step (or the event topic), or to the
 * dead-letter topic (its headers already say why). The DSL branches on values, not headers.
 */
record PortalRouted(boolean deadLetter, byte[] value) {

    static PortalRouted onward(byte[] value) {
        return new PortalRouted(false, value);
    }

    static PortalRouted rejected(byte[] value) {
        return new PortalRouted(true, value);
    }
}
