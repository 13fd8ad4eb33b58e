package fr.ais.ingest;

import java.time.LocalDate;
import java.time.Period;

/** Age in full years, computed in the connector so the birth date never leaves it. */
public final class Ages {

    private Ages() {
    }

    /** Full years from {@code birthDate} to {@code onDate}: a birthday on {@code onDate} counts. */
    public static int fullYears(LocalDate birthDate, LocalDate onDate) {
        return Period.between(birthDate, onDate).getYears();
    }
}
