package fr.grd.mes.request.domain;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AdditionalServicesTest {
    @Test
    void theMiseEnServiceItselfIsNotAnAdditionalService() {
        assertThat(AdditionalServices.problems(List.of("VERIF-CPT", "F120B"))).singleElement()
                .satisfies(p -> {
                    assertThat(p.index()).isEqualTo(1);
                    assertThat(p.reason()).contains("F120B", "billed by the decision chart");
                });
    }

    @Test
    void eachAdditionalServiceIsAskedAtMostOnce() {
        assertThat(AdditionalServices.problems(List.of("VERIF-CPT", "RELEVE-SPE", "VERIF-CPT")))
                .extracting(AdditionalServices.Problem::index).containsExactly(2);
    }

    @Test
    void distinctCataloguePrestationsAreAccepted() {
        assertThat(AdditionalServices.problems(List.of("VERIF-CPT", "RELEVE-SPE"))).isEmpty();
    }
}
