package fr.ais.consolidation.rules;

import fr.ais.schemas.Source;
import java.util.List;

/** The order in which the sources' representatives are read (SPEC §4 rules 5 and 6): the one place a source takes its rank. */
public final class SourcePrecedence {

    private SourcePrecedence() {
    }

    /** Rule 5: entry and birth dates come from the first representative in this order. */
    public static final List<Source> DATES = List.of(Source.PE, Source.OUIFORM, Source.IMILO);

    /** Rule 6: the consolidated network is the first declaration in this order (rule 7: its region too). */
    public static final List<Source> NETWORK = List.of(Source.IMILO, Source.OUIFORM, Source.PE);
}
