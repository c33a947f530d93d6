package fr.grd.mes.scheduling.application;

import fr.grd.mes.scheduling.domain.ChargeTable;
import fr.grd.mes.scheduling.domain.SlotKey;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The charge table in memory: capacity per half day and the ids holding its places. */
class InMemoryChargeTable implements ChargeTable {
    private final Map<SlotKey, Integer> capacity = new TreeMap<>();
    private final Map<SlotKey, List<String>> bookings = new TreeMap<>();

    @Override
    public boolean book(SlotKey slot, String appointmentId) {
        List<String> held = bookings.computeIfAbsent(slot, k -> new ArrayList<>());
        if (held.contains(appointmentId)) {
            return true;
        }
        if (held.size() >= capacity.getOrDefault(slot, 0)) {
            return false;
        }
        return held.add(appointmentId);
    }

    @Override
    public void release(SlotKey slot, String appointmentId) {
        bookings.getOrDefault(slot, new ArrayList<>()).remove(appointmentId);
    }

    @Override
    public void transfer(SlotKey slot, String from, String to) {
        List<String> held = bookings.get(slot);
        held.set(held.indexOf(from), to);
    }

    @Override
    public Optional<SlotKey> heldBy(String zone, String appointmentId) {
        return bookings.entrySet().stream().filter(e -> e.getKey().zone().equals(zone)
                && e.getValue().contains(appointmentId)).map(Map.Entry::getKey).findFirst();
    }

    @Override
    public List<SlotCapacity> free(String zone, LocalDate from, LocalDate to) {
        return all(zone, from, to).stream().filter(c -> c.free() > 0).toList();
    }

    @Override
    public List<SlotCapacity> all(String zone, LocalDate from, LocalDate to) {
        return capacity.entrySet().stream().filter(e -> e.getKey().zone().equals(zone)
                        && !e.getKey().date().isBefore(from) && !e.getKey().date().isAfter(to))
                .map(e -> new SlotCapacity(e.getKey(), e.getValue(), bookings.getOrDefault(e.getKey(), List.of()).size()))
                .toList();
    }

    @Override
    public List<String> zones() {
        return capacity.keySet().stream().map(SlotKey::zone).distinct().toList();
    }

    @Override
    public SlotCapacity setCapacity(SlotKey slot, int places) {
        capacity.put(slot, places);
        return new SlotCapacity(slot, places, bookings.getOrDefault(slot, List.of()).size());
    }

    int held(SlotKey slot) {
        return bookings.getOrDefault(slot, List.of()).size();
    }
}
