package org.caseflow.screening.domain;

import java.util.List;

/** An officer as supervisors maintain them; {@code certification} is null when they hold none. */
public record Officer(String officerId, String name, List<String> languages, Certification certification) {

    public Officer {
        languages = languages == null ? List.of() : List.copyOf(languages);
    }
}
