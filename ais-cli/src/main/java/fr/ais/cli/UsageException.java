package fr.ais.cli;

/** The command line itself is wrong (arguments that do not go together, an unknown value): exit code 2. */
public class UsageException extends UserException {

    public UsageException(String message) {
        super(message);
    }
}
