package fr.ais.synthetic.world;

import java.time.LocalDate;

/**
 * One real prescription, the ground truth behind the source records.
 *
 * @param session        the session first prescribed
 * @param movedTo        a session the prescription later moved to (every source's later version says so), or null
 * @param entryDate      the actual entry date: the final session's start, a few days later now and then
 * @param structureCode  the prescriber's structure
 * @param prescriberRegion the prescriber's region code
 */
public record Prescription(int index, Person person, Session session, Session movedTo, Network network,
                           String structureCode, String prescriberRegion, Outcome outcome, LocalDate entryDate) {

    public Session finalSession() {
        return movedTo != null ? movedTo : session;
    }

    /** Age in full years on the entry date. */
    public int age() {
        return java.time.Period.between(person.birthDate(), entryDate).getYears();
    }
}
