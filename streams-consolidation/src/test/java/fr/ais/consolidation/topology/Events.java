package fr.ais.consolidation.topology;

import fr.ais.schemas.IdentifierType;
import fr.ais.schemas.Network;
import fr.ais.schemas.PersonId;
import fr.ais.schemas.PrescriptionEvent;
import fr.ais.schemas.Source;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The smallest normalised events a rule needs: sensible defaults, each test sets what it shows.
 * Identifiers are written in clear here; in production they are pseudonyms, which changes nothing
 * for the topology (it only compares them).
 */
final class Events {

    private final PrescriptionEvent.Builder builder;
    private final List<PersonId> ids = new ArrayList<>();

    private Events(Source source, String sourceKey) {
        builder = PrescriptionEvent.newBuilder()
                .setSource(source)
                .setSourceKey(sourceKey)
                .setVersionTimestamp(Instant.parse("2021-03-01T10:00:00Z"))
                .setSourcePosition(0)
                .setLive(true)
                .setSessionNumber("S1")
                .setEntryDate(LocalDate.parse("2021-03-15"))
                .setAgeAtEntry(20)
                .setOrigin("test")
                .setTrainingRegion("52");
        switch (source) {
            case PE -> builder.setDeclaredNetwork(Network.PE).setPrescriberType("PE");
            case IMILO -> builder.setDeclaredNetwork(Network.ML);
            case OUIFORM -> builder.setDeclaredNetwork(Network.OTHER).setPrescriberType("CONSEIL_REGIONAL");
        }
    }

    static Events pe(String key) {
        return new Events(Source.PE, key);
    }

    static Events imilo(String key) {
        return new Events(Source.IMILO, key);
    }

    static Events ouiform(String key) {
        return new Events(Source.OUIFORM, key);
    }

    Events de(String value) {
        ids.add(new PersonId(IdentifierType.DE, value));
        return this;
    }

    Events milo(String value) {
        ids.add(new PersonId(IdentifierType.MILO, value));
        return this;
    }

    Events session(String session) {
        builder.setSessionNumber(session);
        return this;
    }

    Events at(String instant) {
        builder.setVersionTimestamp(Instant.parse(instant));
        return this;
    }

    Events position(long position) {
        builder.setSourcePosition(position);
        return this;
    }

    Events notLive() {
        builder.setLive(false);
        return this;
    }

    Events entry(String date) {
        builder.setEntryDate(LocalDate.parse(date));
        return this;
    }

    Events age(int age) {
        builder.setAgeAtEntry(age);
        return this;
    }

    /** A PE record whose type_prescripteur was not filled in. */
    Events prescriberNotFilled() {
        builder.setDeclaredNetwork(null).setPrescriberType(null).setPePrescriberNotFilled(true);
        return this;
    }

    Events declares(Network network) {
        builder.setDeclaredNetwork(network);
        return this;
    }

    Events prescriberRegion(String region) {
        builder.setPrescriberRegion(region);
        return this;
    }

    Events trainingRegion(String region) {
        builder.setTrainingRegion(region);
        return this;
    }

    PrescriptionEvent build() {
        return builder.setPersonIds(List.copyOf(ids)).build();
    }
}
