package fr.ais.registry;

/** The subject has no version (error 40401). */
public class SubjectNotFoundException extends SchemaRegistryException {
    public SubjectNotFoundException(int code, String message) {
        super(code, message);
    }
}
