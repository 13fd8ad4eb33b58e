package fr.ais.registry;

/** The subject has no such version (error 40402). */
public class VersionNotFoundException extends SchemaRegistryException {
    public VersionNotFoundException(int code, String message) {
        super(code, message);
    }
}
