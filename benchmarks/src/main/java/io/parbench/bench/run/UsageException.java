package io.parbench.bench.run;

/** Bad input from the user: printed as one sentence, exit code 2, no stack trace unless --verbose. */
public class UsageException extends RuntimeException {
    public UsageException(String message) {
        super(message);
    }

    public UsageException(String message, Throwable cause) {
        super(message, cause);
    }
}
