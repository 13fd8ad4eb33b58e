package fr.ais.registry;

/** No schema has that id, or the schema is not under that subject (error 40403). */
public class SchemaNotFoundException extends SchemaRegistryException {
    public SchemaNotFoundException(int code, String message) {
        super(code, message);
    }
}
