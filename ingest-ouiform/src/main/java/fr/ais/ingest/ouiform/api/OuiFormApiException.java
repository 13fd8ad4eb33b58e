package fr.ais.ingest.ouiform.api;

/**
 * The OuiForm API could not give a page: a status that is not retried (401, 400, ...), or retries exhausted.
 * The message names the URL (which never holds the token), the last status and the attempts made.
 */
public final class OuiFormApiException extends RuntimeException {

    /** No HTTP status: the last attempt ended on an I/O error or a timeout. */
    public static final int NO_STATUS = -1;

    private final String url;
    private final int status;
    private final int attempts;

    OuiFormApiException(String url, int status, int attempts, String problem, Throwable cause) {
        super("OuiForm API GET " + url + " failed after " + attempts + (attempts == 1 ? " attempt" : " attempts")
                + (status == NO_STATUS ? "" : ", last status " + status) + ": " + problem, cause);
        this.url = url;
        this.status = status;
        this.attempts = attempts;
    }

    public String url() {
        return url;
    }

    /** The last HTTP status, or {@link #NO_STATUS}. */
    public int status() {
        return status;
    }

    public int attempts() {
        return attempts;
    }
}
