package org.caseflow.identity;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

/** A user of the local default: its name (the token's subject), its secret and its Caseflow roles. */
record LocalUser(String name, String secret, List<String> roles) {

    LocalUser {
        if (name == null || name.isBlank() || secret == null || secret.length() < 16 || roles.isEmpty()) {
            throw new IllegalArgumentException("a local user needs a name, a secret of 16 or more characters and a role");
        }
        roles = List.copyOf(roles);
    }

    /** Every {@code *.properties} file of {@code dir}, one user each. */
    static List<LocalUser> readAll(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".properties")).sorted().map(LocalUser::read).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the local users in " + dir, e);
        }
    }

    static LocalUser read(Path file) {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return new LocalUser(p.getProperty("client-id"), p.getProperty("client-secret"),
                Arrays.stream(p.getProperty("roles", "").split(",")).map(String::strip).filter(r -> !r.isEmpty()).toList());
    }
}
