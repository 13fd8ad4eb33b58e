package fr.ais.registry;

/** The registry could not be reached, or kept answering 5xx, after every retry. */
public class RegistryUnavailableException extends SchemaRegistryException {
    public RegistryUnavailableException(String message, Throwable cause) {
        super(0, message, cause);
    }
}
