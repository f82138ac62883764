package io.budget4j.quota;

/**
 * The quota store could not be reached or failed. Stores throw it; the {@link QuotaService}
 * catches it and applies {@link StoreErrorPolicy}, so it never reaches application code.
 */
public class QuotaStoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public QuotaStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
