package fr.ais.platform.topics;

/** A topic of the catalogue the cluster has not got: the deploy step ({@code ais topics}) has not been run. */
public final class MissingTopicException extends RuntimeException {

    private final String topic;

    public MissingTopicException(String topic, Object bootstrapServers) {
        super("the topic " + topic + " does not exist at " + bootstrapServers);
        this.topic = topic;
    }

    public String topic() {
        return topic;
    }
}
