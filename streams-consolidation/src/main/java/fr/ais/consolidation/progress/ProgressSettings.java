package fr.ais.consolidation.progress;

import fr.ais.settings.Setting;
import fr.ais.settings.SettingGroup;
import fr.ais.settings.Settings;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
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

    /** The zone of "today": the as-of date when none is set. */
    public static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    public static final Duration DEFAULT_REFRESH = Duration.ofMinutes(1);

    public static final SettingGroup SETTINGS = new SettingGroup("progress and alerts");
    public static final Setting<Optional<LocalDate>> AS_OF = SETTINGS.add(Setting.optionalDate("progress.as.of",
            "Date the progress and the provisional months are computed at, YYYY-MM-DD; not set: today in "
                    + PARIS + ", following the calendar."));
    public static final Setting<Double> ON_TRACK = SETTINGS.add(Setting.decimal("progress.on.track.threshold", 1.0,
            "Ratio at or above which a region is ON_TRACK.").validatedBy(d -> d > 0, "positive"));
    public static final Setting<Double> AT_RISK = SETTINGS.add(Setting.decimal("progress.at.risk.threshold", 0.9,
            "Ratio at or above which a region is AT_RISK; below it, BEHIND.").validatedBy(d -> d > 0, "positive"));
    public static final Setting<Long> REFRESH_MS = SETTINGS.add(Setting.longValue("progress.refresh.interval.ms",
            DEFAULT_REFRESH.toMillis(),
            "How often the consolidation checks the as-of date and evaluates the alerts (wall clock).")
            .validatedBy(n -> n >= 100, "at least 100 ms"));

    static {
        SETTINGS.check("progress.at.risk.threshold must not exceed progress.on.track.threshold",
                s -> ProgressCalculator.thresholdsInOrder(s.get(ON_TRACK), s.get(AT_RISK)), ON_TRACK, AT_RISK);
    }

    public ProgressSettings {
        Objects.requireNonNull(calculator, "calculator");
        Objects.requireNonNull(asOf, "asOf");
        if (refreshInterval.isNegative() || refreshInterval.isZero()) {
            throw new IllegalArgumentException("the refresh interval must be positive");
        }
    }

    /** The settings' defaults (thresholds 1.0 and 0.9), as of today in Europe/Paris. */
    public static ProgressSettings defaults() {
        return from(Settings.defaults(SETTINGS), Clock.systemUTC());
    }

    /** From the {@link #SETTINGS}: thresholds, a fixed as-of date or today, the refresh interval. */
    public static ProgressSettings from(Settings settings, Clock clock) {
        Supplier<LocalDate> asOf = settings.get(AS_OF)
                .<Supplier<LocalDate>>map(date -> () -> date)
                .orElse(today(clock));
        return new ProgressSettings(new ProgressCalculator(settings.get(ON_TRACK), settings.get(AT_RISK)), asOf,
                Duration.ofMillis(settings.get(REFRESH_MS)));
    }

    /** Today in Europe/Paris by {@code clock}. */
    public static Supplier<LocalDate> today(Clock clock) {
        return () -> LocalDate.now(clock.withZone(PARIS));
    }

    /**
     * The month the alerts compare and the metrics report: the last month of the calendar that is over at the
     * as-of date (still provisional: monthly steering wants the news of the month just ended).
     */
    public YearMonth latestClosedMonth() {
        return ProgressCalculator.latestClosedMonth(asOf.get());
    }

    /** The same settings with a fixed as-of date. */
    public ProgressSettings asOf(LocalDate date) {
        return new ProgressSettings(calculator, () -> date, refreshInterval);
    }
}
