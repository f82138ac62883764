package io.budget4j.examples.model;

/** A live model endpoint could not be reached or answered with an error. */
public class ModelCallFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ModelCallFailedException(String message) {
        super(message);
    }

    public ModelCallFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
