package fr.ais.consolidation.progress;

import fr.ais.platform.settings.AisSettings;
import fr.ais.platform.settings.Settings;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What the progress and alert stages need: the status thresholds, the as-of date and how often the
 * wall clock is checked.
 *
 * @param calculator      thresholds of the statuses
 * @param asOf            the date progress is computed at, asked again at every refresh (today by default)
 * @param refreshInterval how often the as-of date is checked and the alerts are evaluated (wall clock)
 */
public record ProgressSettings(ProgressCalculator calculator, Supplier<LocalDate> asOf, Duration refreshInterval) {

    public static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    public static final Duration DEFAULT_REFRESH = Duration.ofMinutes(1);

    public ProgressSettings {
        Objects.requireNonNull(calculator, "calculator");
        Objects.requireNonNull(asOf, "asOf");
        if (refreshInterval.isNegative() || refreshInterval.isZero()) {
            throw new IllegalArgumentException("the refresh interval must be positive");
        }
    }

    /** Default thresholds 1.0 and 0.9, as of today in Europe/Paris. */
    public static ProgressSettings defaults() {
        return new ProgressSettings(new ProgressCalculator(1.0, 0.9), today(Clock.systemUTC()), DEFAULT_REFRESH);
    }

    /** From the typed settings: thresholds, a fixed as-of date or today, the refresh interval. */
    public static ProgressSettings from(Settings settings, Clock clock) {
        Supplier<LocalDate> asOf = settings.get(AisSettings.AS_OF)
                .<Supplier<LocalDate>>map(date -> () -> date)
                .orElse(today(clock));
        return new ProgressSettings(new ProgressCalculator(settings.get(AisSettings.ON_TRACK),
                settings.get(AisSettings.AT_RISK)), asOf,
                Duration.ofMillis(settings.get(AisSettings.PROGRESS_REFRESH_MS)));
    }

    /** Today in Europe/Paris by {@code clock}. */
    public static Supplier<LocalDate> today(Clock clock) {
        return () -> LocalDate.now(clock.withZone(PARIS));
    }

    /** The same settings with a fixed as-of date. */
    public ProgressSettings asOf(LocalDate date) {
        return new ProgressSettings(calculator, () -> date, refreshInterval);
    }
}
