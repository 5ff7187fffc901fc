package org.caseflow.localstack;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Properties;

import org.caseflow.schemas.Principals;

/**
 * The local default's Kafka credentials: one SCRAM-SHA-512 password per principal, generated at the first start of a
 * cluster into {@code <work dir>/credentials/<principal>.properties} (readable by the user only), never committed.
 * Each file is a ready Kafka client configuration ({@code --command-config} for Kafka's tools), which services,
 * simulators, the audit and the bench read.
 */
public final class KafkaCredentials {

    public static final String MECHANISM = "SCRAM-SHA-512";
    public static final String PROTOCOL = "SASL_PLAINTEXT";

    private final Path dir;
    private final Map<String, String> passwords;

    private KafkaCredentials(Path dir, Map<String, String> passwords) {
        this.dir = dir;
        this.passwords = Map.copyOf(passwords);
    }

    public static Path directory(Path workDir) {
        return workDir.resolve("credentials");
    }

    /** The credentials of the cluster in {@code workDir}, generating what is missing; returns them and whether any were new. */
    static KafkaCredentials loadOrCreate(Path workDir) throws IOException {
        Path dir = directory(workDir);
        Files.createDirectories(dir);
        restrict(dir, "rwx------");
        Map<String, String> passwords = new HashMap<>();
        SecureRandom random = new SecureRandom();
        for (String principal : Principals.ALL) {
            Path file = dir.resolve(principal + ".properties");
            if (Files.exists(file)) {
                passwords.put(principal, passwordIn(read(file)));
                continue;
            }
            String password = newPassword(random);
            writeFile(file, principal, password);
            passwords.put(principal, password);
        }
        return new KafkaCredentials(dir, passwords);
    }

    /**
     * Gives {@code principal} a new password on the running broker at {@code bootstrapServers} (as the provisioning
     * principal), then writes it to the principal's file; the principal's process must be restarted to use it.
     */
    public static void rotate(Path workDir, String bootstrapServers, String principal) throws Exception {
        if (principal.equals(Principals.BROKER)) {
            throw new IllegalArgumentException("the broker's own credential is in its configuration; it changes only with a new cluster (--fresh)");
        }
        KafkaCredentials credentials = loadOrCreate(workDir);
        String password = newPassword(new SecureRandom());
        Map<String, Object> admin = new HashMap<>(credentials.clientProperties(Principals.PROVISIONING));
        admin.put("bootstrap.servers", bootstrapServers);
        try (var client = org.apache.kafka.clients.admin.Admin.create(admin)) {
            client.alterUserScramCredentials(java.util.List.of(new org.apache.kafka.clients.admin.UserScramCredentialUpsertion(principal,
                    new org.apache.kafka.clients.admin.ScramCredentialInfo(org.apache.kafka.clients.admin.ScramMechanism.SCRAM_SHA_512, 8192), password)))
                    .all().get(30, java.util.concurrent.TimeUnit.SECONDS);
        }
        writeFile(credentials.dir.resolve(principal + ".properties"), principal, password);
    }

    private static String newPassword(SecureRandom random) {
        byte[] secret = new byte[24];
        random.nextBytes(secret);
        return HexFormat.of().formatHex(secret);
    }

    private static void writeFile(Path file, String principal, String password) throws IOException {
        Files.writeString(file, "");
        restrict(file, "rw-------");
        Files.writeString(file, String.join("\n",
                "# Kafka client configuration of principal '" + principal + "' on the local default; generated, never commit it",
                "security.protocol=" + PROTOCOL,
                "sasl.mechanism=" + MECHANISM,
                "sasl.jaas.config=" + jaas(principal, password), ""));
    }

    static boolean exist(Path workDir) {
        return Files.exists(directory(workDir).resolve(Principals.BROKER + ".properties"));
    }

    String password(String principal) {
        return require(principal);
    }

    /** The client settings (no bootstrap servers) that authenticate as {@code principal}. */
    public Map<String, Object> clientProperties(String principal) {
        return Map.of("security.protocol", PROTOCOL, "sasl.mechanism", MECHANISM, "sasl.jaas.config", jaas(principal, require(principal)));
    }

    public Path file(String principal) {
        require(principal);
        return dir.resolve(principal + ".properties");
    }

    /** Reads a client configuration file as written here (or any Kafka client properties file). */
    public static Map<String, Object> read(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            properties.load(in);
        }
        Map<String, Object> config = new HashMap<>();
        properties.forEach((k, v) -> config.put(k.toString(), v.toString()));
        return config;
    }

    static String jaas(String principal, String password) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + principal + "\" password=\"" + password + "\";";
    }

    private String require(String principal) {
        String password = passwords.get(principal);
        if (password == null) {
            throw new IllegalArgumentException("no credential for principal " + principal);
        }
        return password;
    }

    private static String passwordIn(Map<String, Object> config) {
        String jaas = String.valueOf(config.get("sasl.jaas.config"));
        int start = jaas.indexOf("password=\"") + "password=\"".length();
        return jaas.substring(start, jaas.indexOf('"', start));
    }

    private static void restrict(Path path, String permissions) throws IOException {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        } catch (UnsupportedOperationException notPosix) {
            // not a POSIX file system: the directory's own protection applies
        }
    }
}
