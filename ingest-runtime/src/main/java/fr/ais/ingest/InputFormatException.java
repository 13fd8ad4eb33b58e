package fr.ais.ingest;

/** The whole input is unusable (for example a CSV header that is not the expected one). */
public class InputFormatException extends RuntimeException {

    public InputFormatException(String message) {
        super(message);
    }
}
