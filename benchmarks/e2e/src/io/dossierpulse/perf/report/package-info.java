/**
 * What is printed and drawn: the end-to-end summary and its RESULT line, the latency report, the
 * charts, the machine's description, and the checksums of what the full stage produced.
 */
package io.dossierpulse.perf.report;
