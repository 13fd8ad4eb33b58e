package fr.ais.consolidation.serving;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.Collections;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The TLS contexts of the serving key store: the server's, and the one an instance calls its peers
 * with, trusting the certificates of that same store (the instances of one deployment share it).
 */
final class ServingTls {

    private ServingTls() {
    }

    static SSLContext server(ServingConfig.Tls tls) {
        try {
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(load(tls), tls.password().toCharArray());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot use the serving key store " + tls.keyStore() + ": "
                    + e.getMessage(), e);
        }
    }

    /** Trusts every certificate of the serving key store (its chains included), and nothing else. */
    static SSLContext peers(ServingConfig.Tls tls) {
        try {
            KeyStore store = load(tls);
            KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
            trusted.load(null, null);
            int n = 0;
            for (String alias : Collections.list(store.aliases())) {
                Certificate[] chain = store.getCertificateChain(alias);
                for (Certificate certificate : chain == null ? new Certificate[] {store.getCertificate(alias)} : chain) {
                    if (certificate != null) {
                        trusted.setCertificateEntry("c" + n++, certificate);
                    }
                }
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalArgumentException("cannot use the serving key store " + tls.keyStore() + ": "
                    + e.getMessage(), e);
        }
    }

    private static KeyStore load(ServingConfig.Tls tls) {
        try (InputStream in = Files.newInputStream(tls.keyStore())) {
            KeyStore store = KeyStore.getInstance(tls.type());
            store.load(in, tls.password().toCharArray());
            return store;
        } catch (IOException | GeneralSecurityException e) {
            // never the password: only the store and why
            throw new IllegalArgumentException("cannot read the serving key store " + tls.keyStore() + " ("
                    + tls.type() + "): " + e.getMessage(), e);
        }
    }
}
