package fr.ais.settings;

import java.util.LinkedHashMap;
import java.util.Map;

/** What the command line gave, by setting: the first source of {@link Settings#resolve}. */
public final class Flags {

    /** The option that gave a value, as it is named in messages. */
    record Flag(String option, String value) {
    }

    private final Map<String, Flag> bySetting = new LinkedHashMap<>();

    private Flags() {
    }

    /** No flags (yet): add them with {@link #set}. */
    public static Flags none() {
        return new Flags();
    }

    /** {@code option} gave {@code value} to {@code setting}; a null value (not given) is ignored. */
    public Flags set(Setting<?> setting, String option, String value) {
        if (value != null) {
            bySetting.put(setting.name(), new Flag(option, value));
        }
        return this;
    }

    Flag of(Setting<?> setting) {
        return bySetting.get(setting.name());
    }
}
