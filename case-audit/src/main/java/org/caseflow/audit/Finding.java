package org.caseflow.audit;

import java.util.List;

/** A rule broken: by which record (the offending one) and on what evidence. */
public record Finding(String rule, String caseId, String message, AuditRecord.Ref offending, List<AuditRecord.Ref> evidence) {

    public Finding {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }
}
