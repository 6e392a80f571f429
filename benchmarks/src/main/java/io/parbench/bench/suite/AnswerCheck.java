package io.parbench.bench.suite;

import java.util.function.Supplier;

/**
 * The last answer of a benchmark's operations, checked after each iteration (outside the timed region) against the
 * answer it must be: a strategy that loses work fails its benchmark instead of reporting a fast wrong answer.
 */
public final class AnswerCheck {

    private long last;
    private boolean answered;

    /** Keeps {@code answer} and returns it (for the benchmark method to return, so JMH sinks it). */
    public long record(long answer) {
        last = answer;
        answered = true;
        return answer;
    }

    /** Fails, saying {@code what} computed which wrong value, unless the last answer is {@code expected}. */
    public void verify(long expected, Supplier<String> what) {
        if (answered && last != expected) {
            throw new IllegalStateException(what.get() + " computed " + last + " but the answer is " + expected);
        }
    }
}
