package fr.grd.mes.events;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/** The sealed amendment events are exactly the event types the catalog puts on {@code contract.amendments}. */
class AmendmentEventTest {
    @Test
    void theSealedAmendmentEventsAreExactlyTheAmendmentTopicsEvents() {
        var onTopic = TopicCatalog.specOf(Topics.AMENDMENTS).orElseThrow().eventTypes();
        var permitted = Arrays.stream(AmendmentEvent.class.getPermittedSubclasses()).map(Class::getSimpleName).toList();
        assertThat(permitted).containsExactlyInAnyOrderElementsOf(onTopic);
    }
}
