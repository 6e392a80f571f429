package io.parbench.bench.strategy;

/** A strategy could not produce an answer: a worker threw, a child JVM crashed or hung, or it was interrupted. */
public class StrategyFailure extends RuntimeException {

    public StrategyFailure(String message) {
        super(message);
    }

    public StrategyFailure(String message, Throwable cause) {
        super(message, cause);
    }

    /** Unwraps an executor's wrapper exception so that the message says what really went wrong. */
    public static RuntimeException unwrap(String strategy, Throwable t) {
        Throwable cause = t;
        while ((cause instanceof java.util.concurrent.ExecutionException
                || cause instanceof java.util.concurrent.CompletionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        // ForkJoin rethrows a copy of a worker's exception made without its message; the original is its cause.
        while (cause.getMessage() == null && cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        if (cause instanceof StrategyFailure failure) {
            return failure;
        }
        if (cause instanceof InterruptedException) {
            Thread.currentThread().interrupt();
            return new StrategyFailure(strategy + " was interrupted", cause);
        }
        return new StrategyFailure(strategy + " failed: " + cause, cause);
    }
}
