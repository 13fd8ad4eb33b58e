package fr.ais.consolidation.app;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
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
 */
public final class CatchUp {

    private final Admin admin;
    private final String applicationId;
    private final Set<String> inputTopics;

    /**
     * @param inputTopics the topics the application reads, internal repartition topics included
     *                    (their names are {@code <applicationId>-<name>-repartition})
     */
    public CatchUp(Admin admin, String applicationId, Set<String> inputTopics) {
        this.admin = admin;
        this.applicationId = applicationId;
        this.inputTopics = Set.copyOf(inputTopics);
    }

    /** Records still to process, per partition (empty when caught up). */
    public Map<TopicPartition, Long> lag(Duration timeout) {
        try {
            Map<TopicPartition, Long> ends = endOffsets(timeout);
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(applicationId)
                    .partitionsToOffsetAndMetadata().get(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            Map<TopicPartition, Long> lag = new HashMap<>();
            ends.forEach((tp, end) -> {
                OffsetAndMetadata c = committed.get(tp);
                long position = c == null ? 0L : c.offset();
                if (end > position) {
                    lag.put(tp, end - position);
                }
            });
            return lag;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading offsets", e);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
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

    private Map<TopicPartition, Long> endOffsets(Duration timeout)
            throws InterruptedException, ExecutionException, java.util.concurrent.TimeoutException {
        Map<String, org.apache.kafka.clients.admin.TopicDescription> described = admin.describeTopics(inputTopics)
                .allTopicNames().get(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        Map<TopicPartition, OffsetSpec> request = described.values().stream()
                .flatMap(d -> d.partitions().stream().map(p -> new TopicPartition(d.name(), p.partition())))
                .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()));
        Map<TopicPartition, ListOffsetsResultInfo> ends = admin.listOffsets(request,
                        new ListOffsetsOptions(IsolationLevel.READ_UNCOMMITTED))
                .all().get(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        Map<TopicPartition, Long> result = new HashMap<>();
        ends.forEach((tp, info) -> result.put(tp, info.offset()));
        return result;
    }
}
