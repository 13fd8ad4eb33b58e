package fr.ais.consolidation.serving;

/** A store or another instance cannot answer now (rebalance, restoration, peer down): HTTP 503. */
public final class QueryUnavailableException extends RuntimeException {

    public QueryUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public QueryUnavailableException(String message) {
        super(message);
    }
}
