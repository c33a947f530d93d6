package fr.grd.mes.contract.domain;

import fr.grd.mes.events.ContractualRecord;
import fr.grd.mes.events.DeliveryPointChanged;
import fr.grd.mes.events.InterventionCompleted;
import fr.grd.mes.events.SupplyState;
import fr.grd.mes.support.aggregate.AggregateRoot;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A delivery point (PdL) as the distributor knows it: where it is, which scheduling zone serves it, its
 * supply state (ALIM / COUP / LIMI), its meter and the supplier currently serving it, with the history of
 * perimeter entries. Only the distributor changes it: operators load it, a completed "mise en service"
 * restores the supply and moves the PdL into the requesting supplier's perimeter.
 */
public class DeliveryPoint extends AggregateRoot {
    private String id;
    private Address address;
    private String zone;
    private SupplyState supplyState;
    private String meterType;
    private String currentSupplierId;
    private long revision;
    private Instant changedAt;
    private List<PerimeterEntry> perimeter = new ArrayList<>();

    DeliveryPoint() {
    }

    public static DeliveryPoint register(String pdl) {
        DeliveryPoint point = new DeliveryPoint();
        point.id = pdl;
        return point;
    }

    /** An operator (re)loads the referential data of the PdL. */
    public DeliveryPointChanged load(Address address, String zone, SupplyState supplyState, String meterType,
                                     String currentSupplierId, Instant now) {
        this.address = address;
        this.zone = zone;
        this.supplyState = supplyState;
        this.meterType = meterType;
        this.currentSupplierId = currentSupplierId;
        return changed(now);
    }

    /**
     * Seed: "La mise en service du PdL se réalise à la date de l'intervention ... l'alimentation est alors
     * rétablie. L'index de mise en service est l'index relevé lors de l'intervention" and the contractual flow
     * "valide l'entrée du PdL dans son périmètre".
     */
    public Optional<ContractualRecord> enterPerimeter(InterventionCompleted done, Instant now) {
        boolean already = perimeter.stream().anyMatch(entry -> entry.caseId().equals(done.caseId()));
        if (already) {
            return Optional.empty();
        }
        perimeter.add(new PerimeterEntry(done.supplierId(), done.interventionDate(), done.meterIndex(),
                done.caseId(), done.externalReference(), now));
        supplyState = SupplyState.ALIM;
        currentSupplierId = done.supplierId();
        changed(now);
        return Optional.of(new ContractualRecord("MES", "MES", done.interventionDate(), done.caseId(),
                done.externalReference(), id, done.supplierId(), done.meterIndex(), supplyState, "SERVC"));
    }

    /** The case whose completed intervention made the latest change (a perimeter entry), if it was one. */
    public Optional<String> caseOfLatestChange() {
        return perimeter.isEmpty() ? Optional.empty() : Optional.of(perimeter.get(perimeter.size() - 1))
                .filter(entry -> entry.recordedAt().equals(changedAt)).map(PerimeterEntry::caseId);
    }

    public DeliveryPointChanged snapshot() {
        return new DeliveryPointChanged(id, address.street(), address.postalCode(), address.city(),
                address.inseeCode(), zone, supplyState, meterType, currentSupplierId, revision, changedAt);
    }

    private DeliveryPointChanged changed(Instant now) {
        revision++;
        changedAt = now;
        return snapshot();
    }

    /** The latest entry of {@code supplierId} into this PdL's perimeter, if it ever entered it. */
    public Optional<PerimeterEntry> perimeterEntryOf(String supplierId) {
        return perimeter.stream().filter(entry -> entry.supplierId().equals(supplierId))
                .reduce((first, second) -> second);
    }

    @Override
    public String getId() {
        return id;
    }

    public Address getAddress() {
        return address;
    }

    public String getZone() {
        return zone;
    }

    public SupplyState getSupplyState() {
        return supplyState;
    }

    public String getMeterType() {
        return meterType;
    }

    public String getCurrentSupplierId() {
        return currentSupplierId;
    }

    public long getRevision() {
        return revision;
    }

    public Instant getChangedAt() {
        return changedAt;
    }

    public List<PerimeterEntry> getPerimeter() {
        return List.copyOf(perimeter);
    }
}
