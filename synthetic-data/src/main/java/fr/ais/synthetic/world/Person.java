package fr.ais.synthetic.world;

import java.time.LocalDate;

/**
 * A young person. {@code de} (Pôle emploi job-seeker identifier) is null when not registered at Pôle emploi;
 * {@code milo} (I-Milo identifier) is null when not followed by a Mission locale.
 */
public record Person(int index, String de, String milo, LocalDate birthDate, Region region) {
}
