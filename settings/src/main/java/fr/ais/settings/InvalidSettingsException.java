package fr.ais.settings;

import java.util.List;

/** Some settings are wrong: the message lists every one of them, so they can all be fixed at once. */
public final class InvalidSettingsException extends RuntimeException {

    private final List<String> problems;

    public InvalidSettingsException(List<String> problems) {
        super(problems.size() + " setting(s) wrong:\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public static InvalidSettingsException of(String problem) {
        return new InvalidSettingsException(List.of(problem));
    }

    public List<String> problems() {
        return problems;
    }
}
