package fr.grd.mes.scheduling.config;

import fr.grd.mes.scheduling.domain.HalfDays;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.LocalTime;

/**
 * The charge table's half days, from configuration ({@code mes.scheduling.half-days.*}, Europe/Paris times):
 * searches, holds, bookings and the desk's proposals skip a half day once it has begun.
 */
@Configuration(proxyBeanMethods = false)
public class ChargeTableConfiguration {
    @Bean
    HalfDays halfDays(@Value("${mes.scheduling.half-days.morning-start:08:00}") LocalTime morningStart,
                      @Value("${mes.scheduling.half-days.morning-end:12:00}") LocalTime morningEnd,
                      @Value("${mes.scheduling.half-days.afternoon-start:13:30}") LocalTime afternoonStart,
                      @Value("${mes.scheduling.half-days.afternoon-end:17:30}") LocalTime afternoonEnd) {
        return new HalfDays(morningStart, morningEnd, afternoonStart, afternoonEnd);
    }
}
