package fr.ais.cli;

/** A problem the user can fix: printed as one line, without a stack trace unless --verbose. */
public class UserException extends RuntimeException {

    public UserException(String message) {
        super(message);
    }

    public UserException(String message, Throwable cause) {
        super(message, cause);
    }
}
