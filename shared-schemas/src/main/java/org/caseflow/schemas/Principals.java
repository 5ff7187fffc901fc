package org.caseflow.schemas;

import java.util.List;

/**
 * Who may connect to Kafka: one principal per service, one for field offices (their gateway), one for auditors,
 * one for provisioning and the broker's own. The topic catalogue ({@link Topics}) says which of them writes and
 * reads each topic; provisioning turns that into the broker's ACLs, so one writer per topic is enforced by the
 * broker, not by habit.
 */
public final class Principals {

    public static final String INTAKE = "intake-service";
    public static final String SCREENING = "screening-service";
    public static final String REMOVAL = "removal-service";
    /** Field offices (and the demo's simulated ones): write submissions, read the verdicts on them. */
    public static final String FIELD_OFFICE = "field-office";
    /** Reads every catalogued topic; writes nothing and joins no consumer group. */
    public static final String AUDITOR = "auditor";
    /** Creates topics and ACLs: a super user, used by provisioning only. */
    public static final String PROVISIONING = "provisioning";
    /** The broker's own principal (inter-broker and controller): a super user. */
    public static final String BROKER = "broker";

    /** The services: each is also its Kafka Streams application id, consumer group and transactional id prefix. */
    public static final List<String> SERVICES = List.of(INTAKE, SCREENING, REMOVAL);

    /** Every principal that gets a credential. */
    public static final List<String> ALL = List.of(INTAKE, SCREENING, REMOVAL, FIELD_OFFICE, AUDITOR, PROVISIONING, BROKER);

    /** Principals the broker trusts with everything (the broker itself, and provisioning, which creates ACLs). */
    public static final List<String> SUPER_USERS = List.of(BROKER, PROVISIONING);

    private Principals() {
    }
}
