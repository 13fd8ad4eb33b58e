package fr.ais.registry;

/** The registry refused the schema as invalid (error 42201 / 422). */
public class InvalidSchemaException extends SchemaRegistryException {
    public InvalidSchemaException(int code, String message) {
        super(code, message);
    }
}
