package dev.ddb.stream.pattern;

/** The text is not an event pattern; the message says what is wrong. */
public class InvalidPatternException extends IllegalArgumentException {

    public InvalidPatternException(String message) {
        super(message);
    }
}
