/**
 * What is measured. Throughput: {@link io.dossierpulse.perf.stage.RawConsumeStage}, and the Kafka
 * Streams stages run by {@link io.dossierpulse.perf.stage.StreamsStage} with production's settings
 * ({@link io.dossierpulse.perf.stage.StreamsSettings}): {@link io.dossierpulse.perf.stage.FloorPipeline},
 * {@link io.dossierpulse.perf.stage.FullPipeline} and {@link io.dossierpulse.perf.stage.PeerPipeline}.
 * Latency: {@link io.dossierpulse.perf.stage.RateStage}. Recovery: the packaged service as a child
 * process, its catch-up and its restarts.
 */
package io.dossierpulse.perf.stage;
