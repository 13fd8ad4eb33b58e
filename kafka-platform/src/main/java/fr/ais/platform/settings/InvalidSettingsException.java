package fr.ais.platform.settings;

import java.util.List;

/** Some settings are wrong: the message lists every one of them, so they can all be fixed at once. */
public final class InvalidSettingsException extends RuntimeException {

    private final List<String> problems;

    InvalidSettingsException(List<String> problems) {
        super(problems.size() + " setting(s) wrong:\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
