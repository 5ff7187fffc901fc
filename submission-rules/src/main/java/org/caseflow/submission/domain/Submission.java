package org.caseflow.submission.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A field office's record of a crossing encounter, as the intake rules see it. */
public record Submission(String submissionId, String officeId, Person person, Encounter encounter,
                         Indicators indicators, boolean fearExpressed, List<String> fearedCountries) {

    public Submission {
        fearedCountries = fearedCountries == null ? List.of() : List.copyOf(fearedCountries);
    }

    public record Person(String givenNames, String familyNames, LocalDate dateOfBirth, Integer estimatedAge, String nationality,
                         List<String> lawfulResidenceCountries, List<Document> documents) {

        public Person {
            lawfulResidenceCountries = lawfulResidenceCountries == null ? List.of() : List.copyOf(lawfulResidenceCountries);
            documents = documents == null ? List.of() : List.copyOf(documents);
        }
    }

    public record Document(String type, String number, String issuingCountry) {
    }

    /** {@code latitude}/{@code longitude} are null when the office recorded no coordinates. */
    public record Encounter(String stationCode, Instant occurredAt, Double latitude, Double longitude, String groupId, int accompanyingAdults) {
    }

    /** What the office recorded; trafficking drives safeguard S2. */
    public record Indicators(boolean trafficking, boolean medicalNeeds, boolean pregnant, boolean disability) {
    }
}
