package fr.ais.registry;

/** The schema breaks the subject's compatibility level (error 409). */
public class IncompatibleSchemaException extends SchemaRegistryException {
    public IncompatibleSchemaException(int code, String message) {
        super(code, message);
    }
}
