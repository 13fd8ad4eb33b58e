package fr.ais.settings;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * The settings a module declares, with the checks across them. Declaring a setting is adding it here,
 * next to the module's code that reads it:
 *
 * <pre>{@code
 * public static final SettingGroup SETTINGS = new SettingGroup("serving");
 * public static final Setting<Integer> PORT = SETTINGS.add(Setting.integer("serving.port", 8088, "…"));
 * }</pre>
 *
 * (the group first: static fields initialise in order). A command line resolves the groups it needs
 * together, with {@link Settings#resolve}.
 */
public final class SettingGroup {

    /** A rule across settings, checked once every setting it reads is valid. */
    record Check(String message, Predicate<Settings> holds, List<Setting<?>> reads) {
    }

    private final String title;
    private final List<Setting<?>> settings = new ArrayList<>();
    private final List<PassThrough> passThroughs = new ArrayList<>();
    private final List<Check> checks = new ArrayList<>();

    public SettingGroup(String title) {
        this.title = Objects.requireNonNull(title);
    }

    public <T> Setting<T> add(Setting<T> setting) {
        settings.add(setting);
        return setting;
    }

    public PassThrough add(PassThrough passThrough) {
        passThroughs.add(passThrough);
        return passThrough;
    }

    /** A rule across {@code reads}: when {@code holds} is false, {@code message} is one of the problems. */
    public void check(String message, Predicate<Settings> holds, Setting<?>... reads) {
        checks.add(new Check(message, holds, List.of(reads)));
    }

    public String title() {
        return title;
    }

    public List<Setting<?>> settings() {
        return Collections.unmodifiableList(settings);
    }

    public List<PassThrough> passThroughs() {
        return Collections.unmodifiableList(passThroughs);
    }

    List<Check> checks() {
        return Collections.unmodifiableList(checks);
    }

    @Override
    public String toString() {
        return title + settings;
    }
}
