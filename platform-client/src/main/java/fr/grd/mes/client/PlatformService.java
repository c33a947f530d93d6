package fr.grd.mes.client;

/** The four services whose public APIs the platform offers, as a client addresses them. */
public enum PlatformService {
    REQUEST, SCHEDULING, BILLING, CONTRACT
}
