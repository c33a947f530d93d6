package fr.grd.mes.support.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The one clock every service reads. In real mode it is the system clock; in simulation mode it starts at a
 * given instant and runs {@code speed} times faster than real time; in both modes {@link #advance(Duration)}
 * jumps forward (never backward), so tests and the simulation reach an appointment days ahead in an instant.
 * Thread-safe; shared by all services of one JVM.
 */
public final class ControllableClock extends Clock {
    private record Anchor(Instant simulated, long realNanos) {
    }

    private final ZoneId zone;
    private final double speed;
    private final AtomicReference<Anchor> anchor;

    private ControllableClock(Instant start, double speed, ZoneId zone) {
        if (speed <= 0) {
            throw new IllegalArgumentException("speed must be > 0");
        }
        this.zone = zone;
        this.speed = speed;
        this.anchor = new AtomicReference<>(new Anchor(start, System.nanoTime()));
    }

    /** Real time, still movable forward with {@link #advance(Duration)}. */
    public static ControllableClock realTime() {
        return new ControllableClock(Instant.now(), 1.0, BusinessCalendar.PARIS);
    }

    /** Simulation starting at {@code start} and running {@code speed} times faster than real time. */
    public static ControllableClock simulation(Instant start, double speed) {
        return new ControllableClock(start, speed, BusinessCalendar.PARIS);
    }

    /** A clock that only moves when told to (speed ≈ 0 is modelled as a huge slow-down). */
    public static ControllableClock fixed(Instant start) {
        return new ControllableClock(start, 1e-12, BusinessCalendar.PARIS);
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(instant(), zone);
    }

    @Override
    public Instant instant() {
        Anchor a = anchor.get();
        long elapsed = System.nanoTime() - a.realNanos();
        return a.simulated().plusNanos((long) (elapsed * speed));
    }

    /** Moves the time of every reader forward by {@code amount}. */
    public Instant advance(Duration amount) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("time only moves forward");
        }
        Anchor next = anchor.updateAndGet(a -> {
            long now = System.nanoTime();
            Instant current = a.simulated().plusNanos((long) ((now - a.realNanos()) * speed));
            return new Anchor(current.plus(amount), now);
        });
        return next.simulated();
    }

    /** Moves forward to {@code target} if it is in the future. */
    public Instant advanceTo(Instant target) {
        Duration gap = Duration.between(instant(), target);
        return gap.isNegative() ? instant() : advance(gap);
    }

    public double speed() {
        return speed;
    }
}
