package org.caseflow.field;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.caseflow.submission.SubmissionJson;
import org.caseflow.submission.SubmissionRequest;

/**
 * Encounters as a station prepares them: a JSON file (one submission, or an array of them — the body of
 * {@code POST /api/submissions}) or a CSV file with one encounter per line and the columns of {@link #CSV_HEADER}
 * (lists separated by {@code ;}, empty cells for what is unknown).
 */
public final class EncounterFiles {

    public static final String CSV_HEADER = "submissionId,givenNames,familyNames,dateOfBirth,estimatedAge,sex,nationality,"
            + "lawfulResidenceCountries,languages,documentType,documentNumber,documentCountry,stationCode,occurredAt,latitude,longitude,"
            + "groupId,accompanyingAdults,traffickingIndicators,medicalNeeds,pregnant,disability,fearExpressed,fearedCountries";

    public static final String JSON_TEMPLATE = """
            {"submissionId": "(optional: the client makes one)",
             "person": {"givenNames": "Ana", "familyNames": "Ejemplo", "dateOfBirth": "1990-03-02", "estimatedAge": null, "sex": "FEMALE",
                        "nationality": "COL", "lawfulResidenceCountries": [], "languages": ["es"],
                        "documents": [{"type": "PASSPORT", "number": "PA765432", "issuingCountry": "COL"}]},
             "encounter": {"stationCode": "LAJAS_BLANCAS", "occurredAt": "2026-11-29T02:06:00Z",
                           "coordinates": {"latitude": 8.3, "longitude": -77.6}, "groupId": null, "accompanyingAdults": [{"relationship": "PARENT"}]},
             "indicators": {"traffickingIndicators": false, "medicalNeeds": false, "pregnant": false, "disability": false},
             "fear": {"fearExpressed": true, "fearedCountries": ["VEN"]}}
            """;

    private EncounterFiles() {
    }

    /** The encounters in a .json or .csv file; a line or element that cannot be read is an error naming it. */
    public static List<SubmissionRequest> read(Path file) throws IOException {
        String text = Files.readString(file);
        if (file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".csv")) {
            return csv(text);
        }
        String trimmed = text.strip();
        if (trimmed.startsWith("[")) {
            return SubmissionJson.readAll(trimmed);
        }
        return List.of(SubmissionJson.read(trimmed));
    }

    static List<SubmissionRequest> csv(String text) {
        List<String> lines = text.lines().filter(l -> !l.isBlank()).toList();
        if (lines.isEmpty()) {
            return List.of();
        }
        List<String> header = cells(lines.getFirst());
        if (!header.equals(cells(CSV_HEADER))) {
            throw new IllegalArgumentException("the CSV header must be: " + CSV_HEADER);
        }
        List<SubmissionRequest> out = new ArrayList<>();
        for (int n = 1; n < lines.size(); n++) {
            List<String> cells = cells(lines.get(n));
            if (cells.size() != header.size()) {
                throw new IllegalArgumentException("line " + (n + 1) + " has " + cells.size() + " cells; the header has " + header.size());
            }
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                row.put(header.get(i), cells.get(i).strip());
            }
            try {
                out.add(SubmissionJson.read(toJson(row)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("line " + (n + 1) + ": " + e.getMessage(), e);
            }
        }
        return out;
    }

    private static String toJson(Map<String, String> r) {
        var person = new LinkedHashMap<String, Object>();
        person.put("givenNames", text(r, "givenNames"));
        person.put("familyNames", text(r, "familyNames"));
        person.put("dateOfBirth", text(r, "dateOfBirth"));
        person.put("estimatedAge", r.get("estimatedAge").isEmpty() ? null : Integer.valueOf(r.get("estimatedAge")));
        person.put("sex", text(r, "sex"));
        person.put("nationality", text(r, "nationality"));
        person.put("lawfulResidenceCountries", list(r, "lawfulResidenceCountries"));
        person.put("languages", list(r, "languages"));
        person.put("documents", r.get("documentNumber").isEmpty() ? List.of()
                : List.of(Map.of("type", r.get("documentType"), "number", r.get("documentNumber"), "issuingCountry", r.get("documentCountry"))));
        var encounter = new LinkedHashMap<String, Object>();
        encounter.put("stationCode", text(r, "stationCode"));
        encounter.put("occurredAt", text(r, "occurredAt"));
        encounter.put("coordinates", r.get("latitude").isEmpty() ? null
                : Map.of("latitude", Double.valueOf(r.get("latitude")), "longitude", Double.valueOf(r.get("longitude"))));
        encounter.put("groupId", text(r, "groupId"));
        encounter.put("accompanyingAdults", list(r, "accompanyingAdults").stream().map(rel -> Map.of("relationship", rel)).toList());
        var body = new LinkedHashMap<String, Object>();
        body.put("submissionId", text(r, "submissionId"));
        body.put("person", person);
        body.put("encounter", encounter);
        body.put("indicators", Map.of("traffickingIndicators", yes(r, "traffickingIndicators"), "medicalNeeds", yes(r, "medicalNeeds"),
                "pregnant", yes(r, "pregnant"), "disability", yes(r, "disability")));
        body.put("fear", Map.of("fearExpressed", yes(r, "fearExpressed"), "fearedCountries", list(r, "fearedCountries")));
        return SubmissionJson.writeTree(body);
    }

    private static String text(Map<String, String> row, String column) {
        String value = row.get(column);
        return value == null || value.isEmpty() ? null : value;
    }

    private static List<String> list(Map<String, String> row, String column) {
        String value = row.get(column);
        return value == null || value.isEmpty() ? List.of() : Arrays.stream(value.split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static boolean yes(Map<String, String> row, String column) {
        String value = row.get(column).toLowerCase(java.util.Locale.ROOT);
        return value.equals("true") || value.equals("yes") || value.equals("1");
    }

    /** One CSV line's cells: commas separate, double quotes enclose a cell that holds commas or quotes ("" is a quote). */
    static List<String> cells(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }
}
