package fr.ais.synthetic.world;

import java.time.LocalDate;

/** A training session; {@code number} is canonical (upper case, no white space), sources vary its spelling. */
public record Session(String number, String siret, LocalDate startDate, LocalDate endDate, Region region) {
}
