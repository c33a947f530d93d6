package fr.grd.mes.support.time.boot;

import fr.grd.mes.support.time.BusinessCalendar;
import fr.grd.mes.support.time.ControllableClock;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import java.time.Instant;

/** The service's one clock (real time, or a simulation that can be moved) and the French business calendar. */
@AutoConfiguration
@EnableConfigurationProperties(ClockProperties.class)
public class TimeAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(ControllableClock.class)
    ControllableClock clock(ClockProperties clock) {
        if (clock.simulation()) {
            return ControllableClock.simulation(clock.start() != null ? clock.start() : Instant.now(),
                    clock.speed() != null ? clock.speed() : 1.0);
        }
        return ControllableClock.realTime();
    }

    @Bean
    @ConditionalOnMissingBean(BusinessCalendar.class)
    BusinessCalendar businessCalendar() {
        return new BusinessCalendar();
    }
}
