package fr.ais.kafka.embedded;

/** The embedded broker cannot start: the message says why and what to do, in one line. */
public class EmbeddedKafkaException extends RuntimeException {

    public EmbeddedKafkaException(String message) {
        super(message);
    }

    public EmbeddedKafkaException(String message, Throwable cause) {
        super(message, cause);
    }
}
