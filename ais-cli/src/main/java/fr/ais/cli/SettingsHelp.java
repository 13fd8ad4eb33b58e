package fr.ais.cli;

import java.util.ListResourceBundle;

/**
 * The help of a flag that gives a setting comes from the setting (picocli's {@code descriptionKey} is
 * the setting's name): its doc, variable and default are written once, where the setting is declared.
 */
public final class SettingsHelp extends ListResourceBundle {

    @Override
    protected Object[][] getContents() {
        return AisSettings.GROUPS.stream().flatMap(group -> group.settings().stream())
                .map(s -> new Object[] {s.name(), s.doc().replace("%", "%%") + "%n  setting " + s.name() + ", "
                        + s.environmentVariable() + "; default: " + (s.defaultValue() == null || s.defaultValue().isEmpty()
                        ? "not set" : s.defaultValue().replace("%", "%%"))})
                .toArray(Object[][]::new);
    }
}
