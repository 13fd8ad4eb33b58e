package fr.ais.consolidation.app;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/**
 * Tells whether the application has caught up with its input: every partition it reads (source
 * and repartition topics) has its committed offset at the end offset. Under exactly-once, outputs
 * are committed with those offsets, so a caught-up application has published all its results.
 * Detected from offsets, never from elapsed time.
 *
 * <p>End offsets are high watermarks, not last stable offsets: when a transaction commits, the
 * marker that makes its consumed offsets visible and the markers of the partitions it wrote to are
 * not written at the same instant, so a read-committed end offset of a repartition topic can still
 * trail for a moment while the upstream offsets already look done. The high watermark already
 * counts the records a stage wrote before committing, so the downstream lag shows at once.
 *
 * <p>Committed offsets are read before end offsets: a commit can land between the two reads, and
 * read the other way round it could advance a stage's input to the end while the records that
 * commit wrote downstream are missing from the end offsets read before it.
 */
public final class CatchUp {

    private final String applicationId;
    private final Offsets offsets;

    /**
     * @param inputTopics the topics the application reads, internal repartition topics included
     *                    (their names are {@code <applicationId>-<name>-repartition})
     */
    public CatchUp(Admin admin, String applicationId, Set<String> inputTopics) {
        this(applicationId, new AdminOffsets(admin, applicationId, Set.copyOf(inputTopics)));
    }

    CatchUp(String applicationId, Offsets offsets) {
        this.applicationId = applicationId;
        this.offsets = offsets;
    }

    /** Where the offsets come from: the consumer group's committed ones and the input topics' ends. */
    interface Offsets {
        Map<TopicPartition, Long> committed(Duration timeout) throws Exception;

        Map<TopicPartition, Long> ends(Duration timeout) throws Exception;
    }

    /** Records still to process, per partition (empty when caught up). */
    public Map<TopicPartition, Long> lag(Duration timeout) {
        try {
            Map<TopicPartition, Long> committed = offsets.committed(timeout); // first: see the class comment
            Map<TopicPartition, Long> ends = offsets.ends(timeout);
            Map<TopicPartition, Long> lag = new HashMap<>();
            ends.forEach((tp, end) -> {
                long position = committed.getOrDefault(tp, 0L);
                if (end > position) {
                    lag.put(tp, end - position);
                }
            });
            return lag;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading offsets", e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the offsets of " + applicationId + ": " + e.getMessage(), e);
        }
    }

    /**
     * The topics a topology reads, with internal repartition topics under their real names
     * ({@code <applicationId>-<name>}); changelogs are written, not read, while running.
     */
    public static Set<String> inputTopicsOf(org.apache.kafka.streams.Topology topology, String applicationId) {
        return topology.describe().subtopologies().stream()
                .flatMap(s -> s.nodes().stream())
                .filter(n -> n instanceof org.apache.kafka.streams.TopologyDescription.Source)
                .flatMap(n -> ((org.apache.kafka.streams.TopologyDescription.Source) n).topicSet().stream())
                .map(t -> t.endsWith("-repartition") ? applicationId + "-" + t : t)
                .collect(Collectors.toSet());
    }

    public boolean caughtUp(Duration timeout) {
        return lag(timeout).isEmpty();
    }

    /** The offsets as the broker has them, through the admin client. */
    private record AdminOffsets(Admin admin, String applicationId, Set<String> inputTopics) implements Offsets {

        @Override
        public Map<TopicPartition, Long> committed(Duration timeout) throws Exception {
            Map<TopicPartition, Long> result = new HashMap<>();
            admin.listConsumerGroupOffsets(applicationId).partitionsToOffsetAndMetadata()
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS)
                    .forEach((tp, committed) -> {
                        if (committed != null) {
                            result.put(tp, committed.offset());
                        }
                    });
            return result;
        }

        @Override
        public Map<TopicPartition, Long> ends(Duration timeout) throws Exception {
            Map<String, TopicDescription> described = admin.describeTopics(inputTopics)
                    .allTopicNames().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            Map<TopicPartition, OffsetSpec> request = described.values().stream()
                    .flatMap(d -> d.partitions().stream().map(p -> new TopicPartition(d.name(), p.partition())))
                    .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()));
            Map<TopicPartition, ListOffsetsResultInfo> ends = admin.listOffsets(request,
                            new ListOffsetsOptions(IsolationLevel.READ_UNCOMMITTED))
                    .all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            Map<TopicPartition, Long> result = new HashMap<>();
            ends.forEach((tp, info) -> result.put(tp, info.offset()));
            return result;
        }
    }
}
