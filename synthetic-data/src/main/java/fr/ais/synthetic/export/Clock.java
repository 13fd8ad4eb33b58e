package fr.ais.synthetic.export;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.SplittableRandom;

/** Office-hour timestamps in Paris: between 08:00 and 19:00 no daylight-saving change can make them ambiguous. */
final class Clock {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private Clock() {
    }

    static Instant officeHours(LocalDate day, SplittableRandom random) {
        LocalTime time = LocalTime.of(8, 0).plusSeconds(random.nextInt(11 * 3600));
        return day.atTime(time).atZone(PARIS).toInstant();
    }

    static LocalDate day(Instant instant) {
        return instant.atZone(PARIS).toLocalDate();
    }

    /** A later office-hour instant, {@code minDays} (at least 1) to {@code maxDays} days after {@code after}. */
    static Instant daysAfter(Instant after, int minDays, int maxDays, SplittableRandom random) {
        int days = Math.max(1, minDays) + random.nextInt(Math.max(1, maxDays - Math.max(1, minDays) + 1));
        return officeHours(day(after).plusDays(days), random);
    }
}
