package io.parbench.analyzer.io;

import java.nio.file.Path;

/** Bad input: one sentence naming the file and what is wrong with it (exit code 2). */
public class InputException extends RuntimeException {

    public InputException(Path file, String problem) {
        super(file + ": " + problem);
    }

    public InputException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
    }

    public InputException(String message) {
        super(message);
    }
}
