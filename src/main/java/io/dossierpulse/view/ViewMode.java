package io.dossierpulse.view;

/** How the counter view's caches are spread over instances. */
public enum ViewMode {
    /** One instance, no network: a single node, the tests. */
    LOCAL,
    /** Every instance holds every entry, so any instance answers any statistic from memory. */
    REPLICATED
}
