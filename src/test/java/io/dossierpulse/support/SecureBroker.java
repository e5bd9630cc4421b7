package io.dossierpulse.support;

import io.dossierpulse.broker.EmbeddedKafkaBroker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;

/**
 * A real broker secured as a production cluster is: clients on SASL_SSL (SCRAM-SHA-512 over TLS,
 * a certificate made with the JDK's keytool), Kafka's standard authorizer, nothing allowed without
 * an ACL. A PLAINTEXT listener on loopback is the operator's door (super user) for creating the
 * SCRAM user and the ACLs, as an administrator would from inside the cluster.
 */
public final class SecureBroker implements AutoCloseable {

    public static final String STORE_PASSWORD = "test-store-password";

    private final EmbeddedKafkaBroker broker;
    private final String saslSslBootstrap;
    private final String operatorBootstrap;
    private final Path truststore;

    private SecureBroker(EmbeddedKafkaBroker broker, String saslSslBootstrap, String operatorBootstrap, Path truststore) {
        this.broker = broker;
        this.saslSslBootstrap = saslSslBootstrap;
        this.operatorBootstrap = operatorBootstrap;
        this.truststore = truststore;
    }

    public static SecureBroker start(Path dir) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Path keystore = dir.resolve("broker.p12");
        Path cert = dir.resolve("broker.crt");
        Path truststore = dir.resolve("truststore.p12");
        keytool("-genkeypair", "-alias", "broker", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=localhost", "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-storetype", "PKCS12",
                "-keystore", keystore.toString(), "-storepass", STORE_PASSWORD, "-keypass", STORE_PASSWORD);
        keytool("-exportcert", "-rfc", "-alias", "broker", "-keystore", keystore.toString(), "-storepass",
                STORE_PASSWORD, "-file", cert.toString());
        keytool("-importcert", "-noprompt", "-alias", "broker", "-file", cert.toString(), "-storetype", "PKCS12",
                "-keystore", truststore.toString(), "-storepass", STORE_PASSWORD);

        int operatorPort = KafkaBrokerResource.freePort();
        int clientPort = KafkaBrokerResource.freePort();
        int controllerPort = KafkaBrokerResource.freePort();
        Path logDir = dir.resolve("kraft-logs");
        Files.createDirectories(logDir);
        Properties p = EmbeddedKafkaBroker.brokerProperties(logDir, "127.0.0.1", operatorPort, controllerPort);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + operatorPort + ",SASL_SSL://127.0.0.1:" + clientPort
                + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + operatorPort + ",SASL_SSL://127.0.0.1:" + clientPort);
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,SASL_SSL:SASL_SSL,CONTROLLER:PLAINTEXT");
        p.put("sasl.enabled.mechanisms", "SCRAM-SHA-512");
        p.put("listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config",
                "org.apache.kafka.common.security.scram.ScramLoginModule required;");
        p.put("listener.name.sasl_ssl.ssl.keystore.location", keystore.toString());
        p.put("listener.name.sasl_ssl.ssl.keystore.password", STORE_PASSWORD);
        p.put("listener.name.sasl_ssl.ssl.keystore.type", "PKCS12");
        p.put("listener.name.sasl_ssl.ssl.key.password", STORE_PASSWORD);
        p.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        // The loopback operator listener and the controller authenticate nobody: ANONYMOUS is the super user.
        p.put("super.users", "User:ANONYMOUS");
        p.put("allow.everyone.if.no.acl.found", "false");
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(logDir, p, 1, null, "127.0.0.1:" + clientPort);
        return new SecureBroker(broker, "127.0.0.1:" + clientPort, "127.0.0.1:" + operatorPort, truststore);
    }

    private static void keytool(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("keytool " + String.join(" ", args) + ": " + out);
        }
    }

    /** The SASL_SSL listener, for the service. */
    public String bootstrap() {
        return saslSslBootstrap;
    }

    /** A super-user admin on the loopback operator listener. */
    public Admin operator() {
        return Admin.create(Map.of("bootstrap.servers", operatorBootstrap));
    }

    public void addScramUser(String user, String password) throws Exception {
        try (Admin admin = operator()) {
            admin.alterUserScramCredentials(List.of(new UserScramCredentialUpsertion(user,
                    new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 8192), password))).all().get(30, TimeUnit.SECONDS);
        }
    }

    public void grant(List<AclBinding> acls) throws Exception {
        try (Admin admin = operator()) {
            admin.createAcls(acls).all().get(30, TimeUnit.SECONDS);
        }
    }

    public void revoke(AclBindingFilter filter) throws Exception {
        try (Admin admin = operator()) {
            admin.deleteAcls(List.of(filter)).all().get(30, TimeUnit.SECONDS);
        }
    }

    /** The client settings of a SCRAM user, in the kafka.* form the service reads. */
    public Map<String, String> clientSettings(String user, String password) {
        return Map.of("kafka.security.protocol", "SASL_SSL", "kafka.sasl.mechanism", "SCRAM-SHA-512",
                "kafka.sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
                        + user + "\" password=\"" + password + "\";",
                "kafka.ssl.truststore.location", truststore.toString(),
                "kafka.ssl.truststore.password", STORE_PASSWORD, "kafka.ssl.truststore.type", "PKCS12");
    }

    public String operatorBootstrap() {
        return operatorBootstrap;
    }

    @Override
    public void close() {
        broker.close();
    }
}
