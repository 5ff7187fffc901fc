package org.caseflow.vocabulary;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * An ISO 3166-1 alpha-3 country code, validated and normalised (upper case) once, at the edge. Rules
 * compare these, never raw strings, so {@code ven} and {@code VEN} can never be told apart by a rule (S3).
 */
public record CountryCode(String alpha3) implements Comparable<CountryCode> {

    private static final Set<String> ALPHA3 = Set.copyOf(Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA3));

    public CountryCode {
        if (alpha3 == null || !ALPHA3.contains(alpha3)) {
            throw new IllegalArgumentException("'" + alpha3 + "' is not an ISO 3166-1 alpha-3 country code (e.g. VEN, COL)");
        }
    }

    /** Trims and upper-cases, then validates: {@code " ven"} becomes VEN; {@code "VE"} or {@code "XXX"} is refused. */
    public static CountryCode of(String raw) {
        if (raw == null) {
            throw new IllegalArgumentException("a country code is required (ISO 3166-1 alpha-3, e.g. VEN)");
        }
        String normalised = raw.strip().toUpperCase(Locale.ROOT);
        if (!ALPHA3.contains(normalised)) {
            throw new IllegalArgumentException("'" + printable(raw) + "' is not an ISO 3166-1 alpha-3 country code (e.g. VEN, COL)");
        }
        return new CountryCode(normalised);
    }

    /** The code, or empty when {@code raw} is not one. */
    public static Optional<CountryCode> parse(String raw) {
        try {
            return Optional.of(of(raw));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public static boolean isValid(String raw) {
        return parse(raw).isPresent();
    }

    /** Whether {@code raw} is a code already in normal form (what a rule sees after the edge has normalised it). */
    public static boolean isNormalised(String raw) {
        return raw != null && ALPHA3.contains(raw);
    }

    /**
     * Every one of {@code raws} as a code, or empty if any is not one: for feared countries, where a value that
     * names no country must leave no destination (fail closed), not be skipped.
     */
    public static Optional<java.util.Set<CountryCode>> allOf(java.util.Collection<String> raws) {
        java.util.Set<CountryCode> codes = new java.util.LinkedHashSet<>();
        for (String raw : raws) {
            Optional<CountryCode> code = parse(raw);
            if (code.isEmpty()) {
                return Optional.empty();
            }
            codes.add(code.get());
        }
        return Optional.of(codes);
    }

    @Override
    public int compareTo(CountryCode other) {
        return alpha3.compareTo(other.alpha3);
    }

    @Override
    public String toString() {
        return alpha3;
    }

    private static String printable(String raw) {
        String cut = raw.length() > 12 ? raw.substring(0, 12) + "…" : raw;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }
}
