package fr.ais.platform.security;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.acl.AccessControlEntryFilter;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.errors.ClusterAuthorizationException;
import org.apache.kafka.common.errors.SecurityDisabledException;
import org.apache.kafka.common.resource.ResourcePatternFilter;

/**
 * Applies the generated ACLs through the Admin API: adds the missing ones, never removes any (a
 * platform team may have granted more on purpose; {@code ais acls --print} shows what is generated).
 */
public final class AclAdmin {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final Admin admin;

    public AclAdmin(Admin admin) {
        this.admin = admin;
    }

    /** What applying did: the bindings created, and those already there. */
    public record Report(List<AclBinding> created, List<AclBinding> present) {
    }

    /** Creates every binding of {@code components} the cluster does not hold yet. */
    public Report apply(List<ComponentAcls> components) {
        try {
            Set<AclBinding> existing = new HashSet<>(admin.describeAcls(new AclBindingFilter(ResourcePatternFilter.ANY,
                    AccessControlEntryFilter.ANY)).values().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS));
            List<AclBinding> wanted = components.stream().flatMap(c -> c.bindings().stream()).distinct().toList();
            List<AclBinding> missing = wanted.stream().filter(b -> !existing.contains(b)).toList();
            if (!missing.isEmpty()) {
                admin.createAcls(missing).all().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            }
            return new Report(missing, wanted.stream().filter(existing::contains).toList());
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SecurityDisabledException) {
                throw new IllegalStateException("the cluster has no authorizer: there are no ACLs to apply"
                        + " (set authorizer.class.name on the brokers, or use --print)", e.getCause());
            }
            if (e.getCause() instanceof ClusterAuthorizationException) {
                throw new IllegalStateException("this principal may not describe or alter ACLs (it needs Describe and"
                        + " Alter on the cluster): run ais acls as the admin, or apply the commands of --print", e.getCause());
            }
            throw new IllegalStateException("cannot apply the ACLs: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("no answer from the cluster applying the ACLs in " + TIMEOUT, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while applying the ACLs", e);
        }
    }
}
