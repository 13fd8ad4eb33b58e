package fr.ais.cli;

import java.nio.file.Path;

/** A problem the user can fix: printed as one line, without a stack trace unless --verbose. */
public class UserException extends RuntimeException {

    public UserException(String message) {
        super(message);
    }

    public UserException(String message, Throwable cause) {
        super(message, cause);
    }

    /** {@code pe.csv: …}, the file named once: a format's message may already start with it. */
    public static String aboutFile(Path file, String message) {
        return file.getFileName() + ": " + withoutFileName(file, message);
    }

    /** {@code message} without a leading {@code pe.csv: }. */
    public static String withoutFileName(Path file, String message) {
        String prefix = file.getFileName() + ": ";
        return message != null && message.startsWith(prefix) ? message.substring(prefix.length()) : message;
    }
}
