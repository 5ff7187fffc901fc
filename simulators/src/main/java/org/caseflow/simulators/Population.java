package org.caseflow.simulators;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Synthetic people crossing the Darién, seeded for reproducibility. The mix is roughly that of 2023's
 * crossings (mostly Venezuelan, then Ecuadorian, Haitian, Colombian, Chinese and others), about one in
 * five a minor, families travelling together, some unaccompanied minors and trafficking indicators.
 * Names are invented; no real person's data.
 */
final class Population {

    static final String[] STATIONS = {"LAJAS_BLANCAS", "SAN_VICENTE", "BAJO_CHIQUITO", "CANAAN_MEMBRILLO"};

    record Nationality(String code, double share, List<String> languages, List<String> residences) {
    }

    static final List<Nationality> MIX = List.of(
            new Nationality("VEN", 0.55, List.of("es"), List.of("COL", "PER", "CHL")),
            new Nationality("ECU", 0.12, List.of("es"), List.of("PER")),
            new Nationality("HTI", 0.10, List.of("ht", "fr"), List.of("CHL", "BRA")),
            new Nationality("COL", 0.07, List.of("es"), List.of("ECU")),
            new Nationality("CHN", 0.05, List.of("zh"), List.of()),
            new Nationality("PER", 0.03, List.of("es"), List.of()),
            new Nationality("IND", 0.03, List.of("hi", "en"), List.of()),
            new Nationality("AFG", 0.02, List.of("ps", "fa"), List.of("IRN")),
            new Nationality("CMR", 0.02, List.of("fr", "en"), List.of()),
            new Nationality("BRA", 0.01, List.of("pt"), List.of()));

    static final String[] GIVEN = {"Ana", "Luis", "Maria", "Jose", "Carmen", "Pedro", "Rosa", "Juan", "Elena", "Marc", "Li", "Wei", "Amir", "Nadia"};
    static final String[] FAMILY = {"Prueba", "Ensayo", "Modelo", "Ejemplo", "Muestra", "Ficticio", "Simulado", "Demo"};

    /** One submission to send: its body, how it travels, and whether it is a malformed one or a retry. */
    record Planned(int index, String submissionId, Map<String, Object> body, boolean viaHttp, boolean malformed, boolean retry) {
    }

    private final Random random;
    private final String runId;

    Population(long seed, String runId) {
        this.random = new Random(seed);
        this.runId = runId;
    }

    /** About {@code count} submissions (families make the exact count), retries and malformed ones included. */
    List<Planned> generate(int count, Instant now) {
        List<Planned> planned = new ArrayList<>();
        int people = 0;
        while (people < count) {
            Nationality nationality = pick();
            String station = STATIONS[random.nextInt(STATIONS.length)];
            double roll = random.nextDouble();
            List<Integer> ages = new ArrayList<>();
            String group = null;
            if (roll < 0.22 && count - people >= 2) {
                group = "grp-" + runId + "-" + people;
                int adults = 1 + random.nextInt(2);
                int children = 1 + random.nextInt(2);
                for (int a = 0; a < adults; a++) {
                    ages.add(20 + random.nextInt(30));
                }
                for (int c = 0; c < children; c++) {
                    ages.add(1 + random.nextInt(16));
                }
            } else if (roll < 0.26) {
                ages.add(13 + random.nextInt(5)); // an unaccompanied minor
            } else {
                ages.add(18 + random.nextInt(45));
            }
            int adultsInGroup = (int) ages.stream().filter(a -> a >= 18).count();
            for (int age : ages) {
                if (people >= count) {
                    break;
                }
                boolean malformed = random.nextDouble() < 0.03;
                String id = "sub-" + runId + "-" + people;
                planned.add(new Planned(people, id, body(id, nationality, station, age, group, age < 18 ? adultsInGroup : 0, malformed, now),
                        random.nextBoolean(), malformed, false));
                people++;
                if (random.nextDouble() < 0.05) {
                    Planned original = planned.getLast();
                    planned.add(new Planned(original.index(), original.submissionId(), original.body(), original.viaHttp(), malformed, true));
                }
            }
        }
        return planned;
    }

    private Map<String, Object> body(String id, Nationality n, String station, int age, String group, int accompanyingAdults, boolean malformed,
                                     Instant now) {
        Instant encounter = now.minus(Duration.ofMinutes(5 + random.nextInt(600)));
        LocalDate birth = encounter.atZone(ZoneOffset.UTC).toLocalDate().minusYears(age).minusDays(1 + random.nextInt(360));
        boolean trafficking = random.nextDouble() < 0.02;
        boolean fear = random.nextDouble() < 0.6;
        List<String> residences = !n.residences().isEmpty() && random.nextDouble() < 0.3
                ? List.of(n.residences().get(random.nextInt(n.residences().size()))) : List.of();
        var person = new java.util.LinkedHashMap<String, Object>();
        person.put("givenNames", GIVEN[random.nextInt(GIVEN.length)]);
        person.put("familyNames", FAMILY[random.nextInt(FAMILY.length)]);
        person.put("dateOfBirth", birth.toString());
        person.put("sex", random.nextBoolean() ? "FEMALE" : "MALE");
        person.put("nationality", malformed ? "XX" : n.code());
        person.put("lawfulResidenceCountries", residences);
        person.put("languages", n.languages());
        person.put("documents", age >= 18 || random.nextBoolean()
                ? List.of(Map.of("type", "PASSPORT", "number", "P" + (100000 + random.nextInt(900000)), "issuingCountry", n.code()))
                : List.of());
        var encounterBody = new java.util.LinkedHashMap<String, Object>();
        encounterBody.put("stationCode", station);
        encounterBody.put("occurredAt", encounter.toString());
        encounterBody.put("coordinates", Map.of("latitude", 8.0 + random.nextDouble() * 0.6, "longitude", -77.9 + random.nextDouble() * 0.6));
        encounterBody.put("groupId", group);
        List<Map<String, Object>> adults = new ArrayList<>();
        for (int a = 0; a < accompanyingAdults; a++) {
            adults.add(Map.of("relationship", "PARENT"));
        }
        encounterBody.put("accompanyingAdults", adults);
        var body = new java.util.LinkedHashMap<String, Object>();
        body.put("submissionId", id);
        body.put("person", person);
        body.put("encounter", encounterBody);
        body.put("indicators", Map.of("traffickingIndicators", trafficking, "medicalNeeds", random.nextDouble() < 0.08,
                "pregnant", random.nextDouble() < 0.03, "disability", random.nextDouble() < 0.02));
        body.put("fear", Map.of("fearExpressed", fear, "fearedCountries", fear ? List.of(n.code()) : List.of()));
        return body;
    }

    private Nationality pick() {
        double roll = random.nextDouble();
        double sum = 0;
        for (Nationality n : MIX) {
            sum += n.share();
            if (roll < sum) {
                return n;
            }
        }
        return MIX.getFirst();
    }
}
