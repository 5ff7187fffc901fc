package org.caseflow.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.caseflow.schemas.AccessTokens;

/**
 * The HTTP users of the local default and their roles. Each gets a secret at the first start of a cluster, kept with
 * the issuer's address in {@code <work dir>/credentials/http/<user>.properties} (readable by the user only, never
 * committed): the identity provider reads these files, and clients (simulators, the field-office client, tests, curl)
 * use them for the client-credentials grant, or the name and secret to log in to Swagger UI.
 */
public final class LocalUsers {

    /** The user that registers schemas (the same name as the Kafka principal that creates topics and ACLs). */
    public static final String PROVISIONING = "provisioning";

    /**
     * user → roles; officers are also the officer ids of {@code screening.officers}. {@code provisioning} is the schema
     * registry's only administrator ({@code sr-admin}: registers schemas and rules) and has no Caseflow role.
     */
    public static final Map<String, List<String>> ROLES;

    static {
        Map<String, List<String>> roles = new LinkedHashMap<>();
        roles.put("field-office", List.of("FIELD_OFFICE"));
        roles.put("officer-1", List.of("SCREENING_OFFICER"));
        roles.put("officer-2", List.of("SCREENING_OFFICER"));
        roles.put("supervisor", List.of("SUPERVISOR", "SCREENING_OFFICER"));
        roles.put("removal-officer", List.of("REMOVAL_OFFICER"));
        roles.put("auditor", List.of("AUDITOR"));
        roles.put(PROVISIONING, List.of("sr-admin"));
        ROLES = java.util.Collections.unmodifiableMap(roles);
    }

    private LocalUsers() {
    }

    public static Path directory(Path workDir) {
        return KafkaCredentials.directory(workDir).resolve("http");
    }

    /** Access tokens of every local user of the cluster in {@code workDir}, each fetched on first use. */
    public static AccessTokens.Directory tokens(Path workDir) {
        return new AccessTokens.Directory(directory(workDir));
    }

    /** The credentials file of {@code user}. */
    public static Path file(Path workDir, String user) {
        if (!ROLES.containsKey(user)) {
            throw new IllegalArgumentException("no local user " + user + " (users: " + ROLES.keySet() + ")");
        }
        return directory(workDir).resolve(user + ".properties");
    }

    /** Writes every user's file with the issuer's current address, keeping a secret made earlier or making a new one. */
    static void writeAll(Path workDir, String issuer) throws IOException {
        Path dir = directory(workDir);
        Files.createDirectories(dir);
        restrict(dir, "rwx------");
        SecureRandom random = new SecureRandom();
        for (var user : ROLES.entrySet()) {
            Path file = file(workDir, user.getKey());
            String secret = null;
            if (Files.exists(file)) {
                secret = (String) KafkaCredentials.read(file).get("client-secret");
            }
            if (secret == null || secret.length() < 16) {
                byte[] bytes = new byte[24];
                random.nextBytes(bytes);
                secret = HexFormat.of().formatHex(bytes);
            }
            Files.writeString(file, "");
            restrict(file, "rw-------");
            Files.writeString(file, String.join("\n",
                    "# HTTP identity of local user '" + user.getKey() + "' (client credentials at the issuer; the same name and secret log in to "
                            + "Swagger UI); generated, never commit it",
                    "issuer=" + issuer,
                    "client-id=" + user.getKey(),
                    "client-secret=" + secret,
                    "roles=" + String.join(",", user.getValue()), ""));
        }
    }

    private static void restrict(Path path, String permissions) throws IOException {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        } catch (UnsupportedOperationException notPosix) {
            // not a POSIX file system: the directory's own protection applies
        }
    }
}
