package fr.ais.consolidation.export;

import fr.ais.platform.topics.TopicCatalogue;
import fr.ais.platform.topics.TopicSnapshot;
import fr.ais.registry.AvroSerdeFactory;
import fr.ais.schemas.AggregateKey;
import fr.ais.schemas.QualityCounts;
import fr.ais.schemas.QualityKey;
import fr.ais.schemas.RejectReason;
import fr.ais.schemas.Source;
import fr.ais.schemas.Target;
import fr.ais.schemas.TargetKey;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads the pipeline's output topics into the tables the exports are made of. */
public final class SnapshotReader {

    private SnapshotReader() {
    }

    public static Exports.Snapshot read(Map<String, Object> clientProperties, TopicCatalogue topics,
            AvroSerdeFactory serdes) {
        Map<AggregateKey, Long> aggregates = new LinkedHashMap<>();
        TopicSnapshot.table(clientProperties, topics.topic(TopicCatalogue.AGGREGATES).withSerdes(serdes))
                .forEach((k, v) -> aggregates.put(k, v.getPrescriptions()));
        Map<QualityKey, QualityCounts> quality = TopicSnapshot.table(clientProperties,
                topics.topic(TopicCatalogue.QUALITY).withSerdes(serdes));
        Map<TargetKey, Target> targets = TopicSnapshot.table(clientProperties,
                topics.topic(TopicCatalogue.TARGETS).withSerdes(serdes));
        // as a table: a re-delivered record has the same key, so it replaces its dead letter rather than adding one
        Map<Source, Map<RejectReason, Long>> rejected = new EnumMap<>(Source.class);
        TopicSnapshot.table(clientProperties, topics.topic(TopicCatalogue.DEAD_LETTERS).withSerdes(serdes))
                .values().forEach(letter -> rejected.computeIfAbsent(letter.getSource(),
                        s -> new EnumMap<>(RejectReason.class)).merge(letter.getReason(), 1L, Long::sum));
        return new Exports.Snapshot(aggregates, quality, targets.values(), rejected);
    }
}
