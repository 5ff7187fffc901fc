package org.caseflow.vocabulary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/** One vocabulary: the Avro enum of safeguards is the shared one, and country codes are one normal form. */
class VocabularyTest {

    @Test
    void everyAvroSafeguardSymbolIsASharedSafeguardWithTheSameName() {
        List<String> avro = org.caseflow.schemas.removal.Safeguard.getClassSchema().getEnumSymbols();
        List<String> shared = Arrays.stream(Safeguard.values()).map(Enum::name).toList();
        assertThat(shared).containsAll(avro);
        // removal can block on the first four; S5 and S6 are properties of the record, not reasons to block
        assertThat(avro).containsExactlyElementsOf(shared.subList(0, avro.size()));
    }

    @Test
    void countryCodesAreNormalisedSoNoComparisonCanBeCaseSensitive() {
        assertThat(CountryCode.of("ven")).isEqualTo(CountryCode.of(" VEN ")).isEqualTo(new CountryCode("VEN"));
        assertThat(CountryCode.of("Col").alpha3()).isEqualTo("COL");
    }

    @Test
    void anythingThatIsNotAnAlpha3CodeIsRefusedWithAClearMessage() {
        for (String bad : new String[] {"VE", "XXX", "VENE", "", "V3N", "ＶＥＮ"}) {
            assertThat(CountryCode.parse(bad)).as(bad).isEmpty();
        }
        assertThatThrownBy(() -> CountryCode.of("XXX")).hasMessageContaining("ISO 3166-1 alpha-3");
        assertThatThrownBy(() -> CountryCode.of(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CountryCode("ven")).isInstanceOf(IllegalArgumentException.class);
    }
}
