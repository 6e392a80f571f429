package io.parbench.bench.suite.sync;

/**
 * Padding against false sharing, in the manner of JMH's sample 22 (FalseSharing) and JCTools: HotSpot lays out a
 * superclass's fields before its subclass's, so fields declared between two classes of 16 longs each have 128 bytes
 * on either side (two cache lines: the adjacent-line prefetcher fetches lines in pairs), and nothing another thread
 * reads or writes shares their line. ({@code @Contended} would do the same but needs {@code -XX:-RestrictContended}
 * and an export of jdk.internal.)
 *
 * <p>A variant of a sync benchmark extends {@link Slot}: the shared object it uses (a lock, an AtomicLong, ...)
 * comes first, read-only, then 128 bytes, then the hot fields that several threads write, then 128 bytes. The shared
 * object is allocated in the variant's constructor, so after the variant's trailing padding.
 */
final class Padding {

    private Padding() {
    }

    /** The read-only reference to the shared object, first in the layout. */
    abstract static class Shared<P> {
        final P shared;

        Shared(P shared) {
            this.shared = shared;
        }
    }

    /** 128 bytes between the reference and the hot fields. */
    abstract static class Before<P> extends Shared<P> {
        long p01, p02, p03, p04, p05, p06, p07, p08, p09, p10, p11, p12, p13, p14, p15, p16;

        Before(P shared) {
            super(shared);
        }
    }

    /** The fields threads write: a count (written under a lock), a volatile count (the racy one), a pair. */
    abstract static class Hot<P> extends Before<P> {
        long count;
        volatile long racy;
        long x;
        long y;

        Hot(P shared) {
            super(shared);
        }
    }

    /** 128 bytes after the hot fields; a variant extends this. */
    abstract static class Slot<P> extends Hot<P> {
        long q01, q02, q03, q04, q05, q06, q07, q08, q09, q10, q11, q12, q13, q14, q15, q16;

        Slot(P shared) {
            super(shared);
        }
    }
}
