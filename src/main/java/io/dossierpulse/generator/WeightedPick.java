package io.dossierpulse.generator;

import java.util.List;
import java.util.SplittableRandom;

/** A fixed list of items drawn in proportion to their weights (cumulative sums, binary search). */
final class WeightedPick<T> {

    private final Object[] items;
    private final double[] cumulative;

    /** Items with a weight of zero or less are left out. */
    WeightedPick(List<T> items, List<? extends Number> weights) {
        if (items.size() != weights.size()) {
            throw new IllegalArgumentException("items and weights differ in length");
        }
        int n = 0;
        for (Number w : weights) {
            if (w.doubleValue() > 0) {
                n++;
            }
        }
        this.items = new Object[n];
        this.cumulative = new double[n];
        double sum = 0;
        int j = 0;
        for (int i = 0; i < items.size(); i++) {
            double w = weights.get(i).doubleValue();
            if (w > 0) {
                sum += w;
                this.items[j] = items.get(i);
                this.cumulative[j] = sum;
                j++;
            }
        }
    }

    boolean isEmpty() {
        return items.length == 0;
    }

    int size() {
        return items.length;
    }

    /** Sum of the weights. */
    double total() {
        return items.length == 0 ? 0 : cumulative[items.length - 1];
    }

    /** One item drawn by weight; null when empty. */
    @SuppressWarnings("unchecked")
    T pick(SplittableRandom random) {
        if (items.length == 0) {
            return null;
        }
        double u = random.nextDouble() * cumulative[items.length - 1];
        int lo = 0;
        int hi = items.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] > u) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return (T) items[lo];
    }
}
