/** What the benchmarks write to the input topic: generated Hanoi traffic, open dossiers, live traffic. */
package io.dossierpulse.perf.load;
