package fr.ais.synthetic.export;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * How the sources spell the same thing differently: only in case and white space, which the SPEC's normalisation
 * (identifiers: trim + upper case; session numbers: remove all white space + upper case) erases.
 */
final class Spelling {

    private Spelling() {
    }

    /** A spelling of a canonical session number such as {@code SE-2021-004512}, varied with probability p. */
    static String session(String canonical, double p, SplittableRandom random) {
        if (random.nextDouble() >= p) {
            return canonical;
        }
        return switch (random.nextInt(6)) {
            case 0 -> canonical.toLowerCase(Locale.ROOT);
            case 1 -> canonical.charAt(0) + canonical.substring(1).toLowerCase(Locale.ROOT);
            case 2 -> canonical.replace("-", " - ");
            case 3 -> canonical.replaceFirst("-", "- ");
            case 4 -> " " + canonical + "  ";
            default -> canonical.toLowerCase(Locale.ROOT).replace("-", "- ");
        };
    }

    /** A job-seeker identifier with its final letter, if any, in lower case now and then. */
    static String identifierCase(String de, double p, SplittableRandom random) {
        return random.nextDouble() < p ? de.toLowerCase(Locale.ROOT) : de;
    }
}
