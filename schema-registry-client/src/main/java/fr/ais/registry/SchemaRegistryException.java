package fr.ais.registry;

/** A failure of a schema registry operation; subclasses follow the registry's error codes. */
public class SchemaRegistryException extends RuntimeException {
    private final int errorCode;

    public SchemaRegistryException(int errorCode, String message) {
        this(errorCode, message, null);
    }

    public SchemaRegistryException(int errorCode, String message, Throwable cause) {
        super(message + (errorCode > 0 ? " (registry error " + errorCode + ")" : ""), cause);
        this.errorCode = errorCode;
    }

    /** The registry's error code ({@code error_code}), or the HTTP status when it gave none; 0 if no answer. */
    public int errorCode() {
        return errorCode;
    }

    /** The exception for a registry error code (Confluent's codes, which Karapace and Apicurio's ccompat API reuse). */
    public static SchemaRegistryException of(int httpStatus, int errorCode, String message) {
        int code = errorCode > 0 ? errorCode : httpStatus;
        return switch (code) {
            case 40401 -> new SubjectNotFoundException(code, message);
            case 40402 -> new VersionNotFoundException(code, message);
            case 40403 -> new SchemaNotFoundException(code, message);
            case 409 -> new IncompatibleSchemaException(code, message);
            case 422, 42201 -> new InvalidSchemaException(code, message);
            default -> httpStatus == 409 ? new IncompatibleSchemaException(code, message)
                    : httpStatus == 422 ? new InvalidSchemaException(code, message)
                    : new SchemaRegistryException(code, message);
        };
    }
}
