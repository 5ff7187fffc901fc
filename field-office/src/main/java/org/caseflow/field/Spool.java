package org.caseflow.field;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The station's journal: every recorded encounter is written here (signed, as the JSON it will be sent as) before
 * anything is sent, and stays until intake's verdict has come back. SQLite, because a commit is atomic and durable
 * (rollback journal in WAL mode, {@code synchronous=FULL}): after a crash or a power loss mid-write the file holds
 * every committed encounter and no half-written one; it is one file, needs no server, and runs on any field laptop.
 * Holds personal data: the file is readable by the operator's user only.
 */
public final class Spool implements AutoCloseable {

    public enum State { RECORDED, ACCEPTED, REJECTED }

    /** One journal entry; {@code reasons} are the rejection's codes and messages, one per line. */
    public record Entry(String submissionId, Instant recordedAt, String body, State state, String caseId, String reasons, int attempts) {
    }

    static final String FILE = "spool.db";

    private final Connection db;

    private Spool(Connection db) {
        this.db = db;
    }

    public static Spool open(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve(FILE);
        boolean created = !Files.exists(file);
        try {
            Connection db = DriverManager.getConnection("jdbc:sqlite:" + file);
            try (var s = db.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA synchronous=FULL");
                s.execute("PRAGMA busy_timeout=10000");
                s.execute("""
                        CREATE TABLE IF NOT EXISTS encounters (
                          submission_id TEXT PRIMARY KEY,
                          recorded_at TEXT NOT NULL,
                          body TEXT NOT NULL,
                          state TEXT NOT NULL,
                          case_id TEXT,
                          reasons TEXT,
                          attempts INTEGER NOT NULL DEFAULT 0)""");
            }
            if (created) {
                StationIdentity.ownerOnly(file, "rw-------");
            }
            return new Spool(db);
        } catch (SQLException e) {
            throw new IOException("cannot open the spool " + file + ": " + e.getMessage(), e);
        }
    }

    /** Journals a signed encounter; false if its submissionId is already in the journal (nothing changes). */
    public synchronized boolean add(String submissionId, String signedJson, Instant recordedAt) throws SQLException {
        try (PreparedStatement insert = db.prepareStatement(
                "INSERT OR IGNORE INTO encounters (submission_id, recorded_at, body, state) VALUES (?, ?, ?, 'RECORDED')")) {
            insert.setString(1, submissionId);
            insert.setString(2, recordedAt.toString());
            insert.setString(3, signedJson);
            return insert.executeUpdate() == 1;
        }
    }

    /** Encounters without a verdict yet, oldest first. */
    public synchronized List<Entry> undecided() throws SQLException {
        return query("SELECT * FROM encounters WHERE state = 'RECORDED' ORDER BY recorded_at, submission_id");
    }

    public synchronized List<Entry> all() throws SQLException {
        return query("SELECT * FROM encounters ORDER BY recorded_at, submission_id");
    }

    public synchronized Entry find(String submissionId) throws SQLException {
        try (PreparedStatement select = db.prepareStatement("SELECT * FROM encounters WHERE submission_id = ?")) {
            select.setString(1, submissionId);
            List<Entry> found = read(select.executeQuery());
            return found.isEmpty() ? null : found.getFirst();
        }
    }

    public synchronized void attempted(String submissionId) throws SQLException {
        update("UPDATE encounters SET attempts = attempts + 1 WHERE submission_id = ?", submissionId);
    }

    /** Intake opened a case: the encounter is delivered for good. */
    public synchronized void accepted(String submissionId, String caseId) throws SQLException {
        update("UPDATE encounters SET state = 'ACCEPTED', case_id = ? WHERE submission_id = ?", caseId, submissionId);
    }

    /** Intake refused it: it stays visible with the reasons, for correction and a new submission under a new id. */
    public synchronized void rejected(String submissionId, String reasons) throws SQLException {
        update("UPDATE encounters SET state = 'REJECTED', reasons = ? WHERE submission_id = ?", reasons, submissionId);
    }

    public synchronized Map<State, Integer> counts() throws SQLException {
        Map<State, Integer> counts = new EnumMap<>(State.class);
        for (State s : State.values()) {
            counts.put(s, 0);
        }
        try (var s = db.createStatement(); ResultSet rs = s.executeQuery("SELECT state, COUNT(*) FROM encounters GROUP BY state")) {
            while (rs.next()) {
                counts.put(State.valueOf(rs.getString(1)), rs.getInt(2));
            }
        }
        return counts;
    }

    private void update(String sql, String... values) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setString(i + 1, values[i]);
            }
            statement.executeUpdate();
        }
    }

    private List<Entry> query(String sql) throws SQLException {
        try (var s = db.createStatement()) {
            return read(s.executeQuery(sql));
        }
    }

    private static List<Entry> read(ResultSet rs) throws SQLException {
        List<Entry> out = new ArrayList<>();
        try (rs) {
            while (rs.next()) {
                out.add(new Entry(rs.getString("submission_id"), Instant.parse(rs.getString("recorded_at")), rs.getString("body"),
                        State.valueOf(rs.getString("state")), rs.getString("case_id"), rs.getString("reasons"), rs.getInt("attempts")));
            }
        }
        return out;
    }

    @Override
    public synchronized void close() throws SQLException {
        db.close();
    }
}
