package io.dossierpulse.generator;

/**
 * The agency's work on one dossier as points on a "working time used" axis (milliseconds of
 * working time since acceptance), sorted before they are mapped to office hours. A scratch list
 * reused from dossier to dossier: a plan has a dozen points at most.
 */
final class Milestones {

    static final int PROCESS = 0;
    static final int STEP = 1;
    static final int SUPPLEMENT = 2;
    static final int APOLOGY = 3;
    static final int FEE = 4;
    static final int END = 5;

    private final long[] position = new long[64];
    private final int[] kind = new int[64];
    private final int[] arg = new int[64];
    private int count;

    void clear() {
        count = 0;
    }

    /** @param arg the step index for STEP, the round for SUPPLEMENT, else 0 */
    void add(long at, int k, int a) {
        position[count] = at;
        kind[count] = k;
        arg[count] = a;
        count++;
    }

    int size() {
        return count;
    }

    long position(int i) {
        return position[i];
    }

    int kind(int i) {
        return kind[i];
    }

    int arg(int i) {
        return arg[i];
    }

    long maxPosition() {
        long max = 0;
        for (int i = 0; i < count; i++) {
            max = Math.max(max, position[i]);
        }
        return max;
    }

    /**
     * Insertion sort by position, then kind, then argument. On a tie the kind order decides:
     * processing starts before the first transfer, which comes before a supplement request.
     */
    void sort() {
        for (int i = 1; i < count; i++) {
            long p = position[i];
            int k = kind[i];
            int a = arg[i];
            int j = i - 1;
            while (j >= 0 && (position[j] > p || (position[j] == p && (kind[j] > k || (kind[j] == k && arg[j] > a))))) {
                position[j + 1] = position[j];
                kind[j + 1] = kind[j];
                arg[j + 1] = arg[j];
                j--;
            }
            position[j + 1] = p;
            kind[j + 1] = k;
            arg[j + 1] = a;
        }
    }
}
