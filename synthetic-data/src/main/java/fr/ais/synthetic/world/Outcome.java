package fr.ais.synthetic.world;

/** How the prescription ended, which drives every source's version history. */
public enum Outcome {
    /** the young person entered the training */
    ENTERED,
    /** entered, then dropped out: still a training entry */
    ABANDONED,
    /** cancelled before entry: every source eventually says so */
    CANCELLED,
    /** not entered yet at export time */
    PENDING;

    public boolean isEntry() {
        return this == ENTERED || this == ABANDONED;
    }
}
