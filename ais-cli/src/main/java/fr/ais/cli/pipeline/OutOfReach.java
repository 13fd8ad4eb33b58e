package fr.ais.cli.pipeline;

import fr.ais.registry.RegistryUnavailableException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.TransactionAbortableException;

/**
 * Whether a failure means the cluster or the schema registry could not be reached (a broker restarting, a network
 * cut): no fault of the data nor of the settings, so a long-running component tries again rather than stopping.
 */
public final class OutOfReach {

    private OutOfReach() {
    }

    /** A {@link RetriableException} (timeouts included), an abortable transaction or the registry unavailable. */
    public static boolean is(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof RetriableException || t instanceof TransactionAbortableException
                    || t instanceof RegistryUnavailableException) {
                return true;
            }
        }
        return false;
    }
}
