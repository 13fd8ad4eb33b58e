package fr.ais.platform.security;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.commons.lang3.exception.ExceptionUtils;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.SslConfigs;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.ClusterAuthorizationException;
import org.apache.kafka.common.errors.DelegationTokenAuthorizationException;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.TransactionalIdAuthorizationException;

/**
 * A refusal of the cluster said in one line: which principal was refused what, or that it could not
 * log in at all. The principal is the one the client properties give (the SCRAM user name, or the
 * common name of the client certificate), never a password.
 */
public final class AccessDenied {

    private static final Pattern USERNAME = Pattern.compile("username\\s*=\\s*\"([^\"]*)\"");

    private AccessDenied() {
    }

    /** One line for an authorization or authentication failure anywhere in {@code e}'s causes; null otherwise. */
    public static String explain(Throwable e, Map<String, Object> clientProperties) {
        String principal = principalOf(clientProperties);
        AuthorizationException denied = ExceptionUtils.throwableOfType(e, AuthorizationException.class);
        if (denied != null) {
            return "access denied: " + principal + " may not use " + resourceOf(denied, clientProperties)
                    + " (the cluster's ACLs refuse it; `ais acls --print` lists what each component's principal is"
                    + " granted)";
        }
        AuthenticationException failed = ExceptionUtils.throwableOfType(e, AuthenticationException.class);
        if (failed != null) {
            return "authentication failed for " + principal + " on " + clientProperties.get(
                    CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG) + ": " + failed.getMessage();
        }
        return null;
    }

    /** {@code User:<name>} as the client properties authenticate, or a description of how they do. */
    public static String principalOf(Map<String, Object> clientProperties) {
        Object jaas = clientProperties.get(SaslConfigs.SASL_JAAS_CONFIG);
        String protocol = String.valueOf(clientProperties.getOrDefault(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG,
                "PLAINTEXT"));
        if (jaas != null && protocol.startsWith("SASL")) {
            Matcher m = USERNAME.matcher(String.valueOf(jaas instanceof org.apache.kafka.common.config.types.Password p
                    ? p.value() : jaas));
            if (m.find()) {
                return "principal User:" + m.group(1);
            }
        }
        Object keyStore = clientProperties.get(SslConfigs.SSL_KEYSTORE_LOCATION_CONFIG);
        if (keyStore != null && protocol.equals("SSL")) {
            String subject = certificateSubject(Path.of(String.valueOf(keyStore)), clientProperties);
            if (subject != null) {
                Matcher cn = Pattern.compile("CN=([^,]+)").matcher(subject);
                return cn.find() ? "principal User:" + cn.group(1) + " (certificate " + subject + ")"
                        : "the principal of certificate " + subject;
            }
        }
        return "the principal of this client (" + protocol + ")";
    }

    private static String resourceOf(AuthorizationException denied, Map<String, Object> clientProperties) {
        if (denied instanceof TopicAuthorizationException topics && !topics.unauthorizedTopics().isEmpty()) {
            return (topics.unauthorizedTopics().size() == 1 ? "topic " : "topics ")
                    + topics.unauthorizedTopics().stream().sorted().collect(Collectors.joining(", "));
        }
        if (denied instanceof GroupAuthorizationException group && group.groupId() != null) {
            return "consumer group " + group.groupId();
        }
        if (denied instanceof TransactionalIdAuthorizationException) {
            Object id = clientProperties.get("transactional.id");
            return id == null ? "its transactional id" : "transactional id " + id;
        }
        if (denied instanceof ClusterAuthorizationException) {
            return "the cluster (" + denied.getMessage() + ")";
        }
        if (denied instanceof DelegationTokenAuthorizationException) {
            return "delegation tokens";
        }
        return "a resource (" + denied.getMessage() + ")";
    }

    private static String certificateSubject(Path store, Map<String, Object> clientProperties) {
        if (!Files.isReadable(store)) {
            return null;
        }
        Object password = clientProperties.get(SslConfigs.SSL_KEYSTORE_PASSWORD_CONFIG);
        String secret = password instanceof org.apache.kafka.common.config.types.Password p ? p.value()
                : Objects.toString(password, "");
        try (InputStream in = Files.newInputStream(store)) {
            KeyStore keys = KeyStore.getInstance(Objects.toString(
                    clientProperties.get(SslConfigs.SSL_KEYSTORE_TYPE_CONFIG), "PKCS12"));
            keys.load(in, secret.toCharArray());
            for (String alias : Collections.list(keys.aliases())) {
                if (keys.getCertificate(alias) instanceof X509Certificate certificate && keys.isKeyEntry(alias)) {
                    return certificate.getSubjectX500Principal().getName();
                }
            }
            return null;
        } catch (Exception e) {
            // only to name the principal in a message: an unreadable store is told by the client itself
            return null;
        }
    }
}
