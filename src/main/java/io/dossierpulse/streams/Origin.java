package io.dossierpulse.streams;

/** Where a record came from: what a dead letter must name, even for an event released from a hold. */
record Origin(String topic, int partition, long offset, long timestamp) {
}
