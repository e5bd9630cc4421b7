/**
 * What watches a running system without changing it: store and counter visibility, SLA announcements
 * and the probe dossiers behind them, CPU by thread, stack samples, the service child's metrics,
 * memory and restart log.
 */
package io.dossierpulse.perf.probe;
