package org.groupenrollment.bench;

import java.util.Arrays;

/** Latency samples in nanoseconds, with percentiles. */
final class Latencies {

    private long[] samples = new long[1024];

    private int count;

    synchronized void add(long nanos) {
        if (count == samples.length) {
            samples = Arrays.copyOf(samples, count * 2);
        }
        samples[count++] = nanos;
    }

    void addAll(Latencies other) {
        long[] theirs = other.copy();
        synchronized (this) {
            if (count + theirs.length > samples.length) {
                samples = Arrays.copyOf(samples, Math.max(samples.length * 2, count + theirs.length));
            }
            System.arraycopy(theirs, 0, samples, count, theirs.length);
            count += theirs.length;
        }
    }

    private synchronized long[] copy() {
        return Arrays.copyOf(samples, count);
    }

    synchronized int count() {
        return count;
    }

    /** The p-th percentile in milliseconds (p from 0 to 100). */
    synchronized double percentileMillis(double p) {
        if (count == 0) {
            return Double.NaN;
        }
        long[] sorted = sortedNanos();
        int index = (int) Math.min(count - 1, Math.ceil(p / 100.0 * count) - 1);
        return sorted[Math.max(0, index)] / 1_000_000.0;
    }

    synchronized long[] sortedNanos() {
        long[] sorted = copy();
        Arrays.sort(sorted);
        return sorted;
    }

}
