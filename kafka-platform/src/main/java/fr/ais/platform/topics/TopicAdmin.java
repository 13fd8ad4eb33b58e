package fr.ais.platform.topics;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;

/**
 * Creates the catalogue's topics idempotently: creates what is missing, verifies what exists and
 * reports every drift in one message. It never deletes or alters a topic: a drift is for people
 * to decide on.
 */
public final class TopicAdmin {

    private final Admin admin;
    private final short replicationFactor;

    public TopicAdmin(Admin admin, int replicationFactor) {
        this.admin = admin;
        this.replicationFactor = (short) replicationFactor;
    }

    /** What {@link #ensure} found and did. */
    public record Report(List<String> created, List<String> verified, List<String> drifts) {

        public boolean hasDrift() {
            return !drifts.isEmpty();
        }

        /** Throws when a topic differs from the catalogue, listing every difference. */
        public Report requireNoDrift() {
            if (hasDrift()) {
                throw new TopicDriftException("topics differ from the catalogue (nothing was changed):\n  - "
                        + String.join("\n  - ", drifts));
            }
            return this;
        }
    }

    /** A topic exists with settings other than the catalogue's. */
    public static final class TopicDriftException extends RuntimeException {
        public TopicDriftException(String message) {
            super(message);
        }
    }

    public Report ensure(Collection<Topic<?, ?>> topics) {
        try {
            Set<String> existing = admin.listTopics().names().get();
            List<Topic<?, ?>> missing = topics.stream().filter(t -> !existing.contains(t.name())).toList();
            List<Topic<?, ?>> present = new ArrayList<>(topics.stream().filter(t -> existing.contains(t.name())).toList());
            List<Topic<?, ?>> created = new ArrayList<>();
            if (!missing.isEmpty()) {
                Map<String, org.apache.kafka.common.KafkaFuture<Void>> results =
                        admin.createTopics(missing.stream().map(this::newTopic).toList()).values();
                for (Topic<?, ?> t : missing) {
                    try {
                        results.get(t.name()).get();
                        created.add(t);
                    } catch (ExecutionException e) {
                        // listed a moment ago as missing, created meanwhile (by someone else, or not yet
                        // visible in the metadata): it is verified like any existing topic
                        if (!(e.getCause() instanceof org.apache.kafka.common.errors.TopicExistsException)) {
                            throw e;
                        }
                        present.add(t);
                    }
                }
                awaitLeaders(missing.stream().map(Topic::name).collect(Collectors.toSet()));
            }
            List<String> drifts = new ArrayList<>();
            if (!present.isEmpty()) {
                Map<String, TopicDescription> described = whenKnown(() -> admin.describeTopics(
                        present.stream().map(Topic::name).toList()).allTopicNames().get());
                Map<ConfigResource, Config> configs = whenKnown(() -> admin.describeConfigs(present.stream()
                        .map(t -> new ConfigResource(ConfigResource.Type.TOPIC, t.name())).toList()).all().get());
                for (Topic<?, ?> t : present) {
                    int partitions = described.get(t.name()).partitions().size();
                    if (partitions != t.partitions()) {
                        drifts.add(t.name() + ": " + partitions + " partitions, the catalogue says " + t.partitions());
                    }
                    Config config = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, t.name()));
                    String policy = config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value();
                    if (!policy.equals(t.cleanupPolicy().kafkaName())) {
                        drifts.add(t.name() + ": cleanup.policy=" + policy + ", the catalogue says "
                                + t.cleanupPolicy().kafkaName());
                    }
                    String retention = config.get(TopicConfig.RETENTION_MS_CONFIG).value();
                    if (t.cleanupPolicy() == Topic.CleanupPolicy.DELETE
                            && Long.parseLong(retention) != t.retentionMs()) {
                        drifts.add(t.name() + ": retention.ms=" + retention + ", the catalogue says " + t.retentionMs());
                    }
                }
            }
            return new Report(created.stream().map(Topic::name).toList(),
                    present.stream().map(Topic::name).toList(), drifts);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot create or verify the topics: " + e.getCause().getMessage(), e);
        }
    }

    /** The catalogue as {@code kafka-topics.sh} commands, for clusters the pipeline does not administer. */
    public static String kafkaTopicsScript(Collection<Topic<?, ?>> topics, int replicationFactor) {
        StringBuilder script = new StringBuilder("#!/bin/sh\n")
                .append("# Generated from the topic catalogue by `ais topics --print-script --replication-factor ")
                .append(replicationFactor).append("`: do not edit by hand.\n")
                .append("# Usage: BOOTSTRAP_SERVERS=host:port sh topics.sh\n");
        for (Topic<?, ?> t : topics) {
            script.append("kafka-topics.sh --bootstrap-server \"$BOOTSTRAP_SERVERS\" --create --if-not-exists")
                    .append(" --topic ").append(t.name())
                    .append(" --partitions ").append(t.partitions())
                    .append(" --replication-factor ").append(replicationFactor)
                    .append(" --config cleanup.policy=").append(t.cleanupPolicy().kafkaName());
            if (t.cleanupPolicy() == Topic.CleanupPolicy.DELETE) {
                script.append(" --config retention.ms=").append(t.retentionMs());
            }
            script.append("   # ").append(t.description()).append('\n');
        }
        return script.toString();
    }

    private NewTopic newTopic(Topic<?, ?> t) {
        Map<String, String> configs = t.cleanupPolicy() == Topic.CleanupPolicy.DELETE
                ? Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, t.cleanupPolicy().kafkaName(),
                        TopicConfig.RETENTION_MS_CONFIG, String.valueOf(t.retentionMs()))
                : Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, t.cleanupPolicy().kafkaName());
        return new NewTopic(t.name(), t.partitions(), replicationFactor).configs(configs);
    }

    /** A new topic takes writes once its partitions have a leader; producing earlier only retries. */
    private void awaitLeaders(Set<String> names) throws InterruptedException, ExecutionException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (whenKnown(() -> admin.describeTopics(names).allTopicNames().get()).values().stream()
                .flatMap(d -> d.partitions().stream()).anyMatch(p -> p.leader() == null)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the new topics have no leader after 30 s: " + names);
            }
            Thread.onSpinWait();
        }
    }

    private interface AdminCall<T> {
        T call() throws InterruptedException, ExecutionException;
    }

    /**
     * A topic just created is known to the controller before every broker has it: an admin call
     * that says "unknown topic" meanwhile is repeated for up to 30 s.
     */
    private static <T> T whenKnown(AdminCall<T> call) throws InterruptedException, ExecutionException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (true) {
            try {
                return call.call();
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof org.apache.kafka.common.errors.UnknownTopicOrPartitionException)
                        || System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.onSpinWait();
            }
        }
    }
}
