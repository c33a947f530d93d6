package fr.grd.mes.request.adapter.in.web;

import fr.grd.mes.events.Slot;
import fr.grd.mes.events.Version;
import fr.grd.mes.request.domain.Client;
import fr.grd.mes.request.domain.NewRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;

/** Body of {@code POST /api/v1/requests}, as the SGE portal sends it. */
public record CreateRequestBody(
        @NotBlank String pdl,
        @NotBlank @Pattern(regexp = "[A-Za-z0-9_-]{1,40}", message = "must be 1-40 letters, digits, _ or -")
        String supplierId,
        @NotNull Version version,
        @NotNull @Valid ClientBody client,
        @NotNull @Valid AppointmentBody appointment,
        @Size(max = 10) List<@NotBlank @Pattern(regexp = "[A-Z0-9-]{2,12}",
                message = "must be a catalogue prestation code") String> additionalServices,
        @Size(max = 64) String externalReference,
        @Pattern(regexp = "[A-Za-z0-9_.:-]{1,64}", message = "must be 1-64 letters, digits, _ . : or -")
        String portalRequestId,
        /** The case closed with the client absent (CPNR) that this request renews ("renouveler la demande"). */
        @Pattern(regexp = "[0-9A-Z]{4,8}", message = "must be a case id (4-8 capital letters or digits)")
        String renewalOf) {

    public NewRequest toNewRequest() {
        return new NewRequest(pdl, supplierId, version, client == null ? null : new Client(client.name(), client.phone()),
                appointment == null ? null : appointment.date(), appointment == null ? null : appointment.slot(),
                additionalServices == null ? List.of() : additionalServices, externalReference, portalRequestId,
                appointment == null ? null : appointment.holdId(), renewalOf);
    }

    public record ClientBody(
            @NotBlank @Size(max = 120) String name,
            @NotBlank @Pattern(regexp = "\\+?[0-9][0-9 .-]{8,18}[0-9]", message = "must be a phone number")
            String phone) {
    }

    /**
     * The agreed date and half day; {@code holdId}, the place held for them in the charge table (coupled booking):
     * with it the appointment is that place or the request is refused.
     */
    public record AppointmentBody(@NotNull LocalDate date, @NotNull Slot slot,
                                  @Pattern(regexp = "H-[0-9a-f-]{36}", message = "must be a hold id (H-…)") String holdId) {
    }
}
