package org.caseflow.screening.domain;

import java.time.Instant;
import java.util.List;

/** What screening takes from intake: where, who (nationality, languages), fears, family, protection flags. */
public record IntakeFacts(String stationCode, String nationality, List<String> lawfulResidenceCountries, List<String> languages,
                          List<String> fearedCountries, String familyGroupId, boolean unaccompaniedMinor, boolean trafficking,
                          Instant openedAt) {

    public IntakeFacts {
        lawfulResidenceCountries = List.copyOf(lawfulResidenceCountries);
        languages = List.copyOf(languages);
        fearedCountries = List.copyOf(fearedCountries);
    }

    /** S2: such a case is referred to protection and never screened for removal. */
    public boolean protectionRequired() {
        return unaccompaniedMinor || trafficking;
    }
}
