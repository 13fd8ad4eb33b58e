package fr.ais.consolidation.topology;

import fr.ais.schemas.DeadLetter;
import fr.ais.schemas.DeadLetterKey;
import fr.ais.schemas.RejectReason;
import fr.ais.schemas.Source;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/** Dead letters as a connector publishes them, keyed as it keys them: the one place tests build their keys. */
public final class TestDeadLetters {

    private TestDeadLetters() {
    }

    /** The dead letter of line {@code line} of {@code file}, rejected for {@code reason}. */
    public static DeadLetter of(Source source, String file, long line, RejectReason reason) {
        return DeadLetter.newBuilder().setSource(source).setOrigin(file).setLine(line).setReason(reason)
                .setField("date_entree").setMessage(file + " line " + line + ": rejected")
                .setConnectorVersion("test").setRejectedAt(Instant.parse("2021-05-01T08:00:00Z")).build();
    }

    /**
     * The key a connector gives the dead letter of a record: its source and the digest of the record, so the same
     * record always gets the same key (a stand-in digest here: these test records are named by file and line).
     */
    public static DeadLetterKey keyOf(DeadLetter letter) {
        String record = letter.getOrigin() + " line " + letter.getLine();
        return new DeadLetterKey(letter.getSource(), null, null,
                HexFormat.of().formatHex(record.getBytes(StandardCharsets.UTF_8)));
    }

    /** Dead letters by their keys, in order. */
    public static Map<DeadLetterKey, DeadLetter> keyed(DeadLetter... letters) {
        Map<DeadLetterKey, DeadLetter> keyed = new LinkedHashMap<>();
        for (DeadLetter letter : letters) {
            keyed.put(keyOf(letter), letter);
        }
        return keyed;
    }
}
