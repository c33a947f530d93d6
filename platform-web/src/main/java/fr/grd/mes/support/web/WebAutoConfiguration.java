package fr.grd.mes.support.web;

import fr.grd.mes.support.json.EventJson;
import fr.grd.mes.support.security.MesSecurityConfiguration;
import fr.grd.mes.support.text.EdgeInputModule;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * A service's HTTP edge: domain outcomes and every error as problem+json (RFC 9457), the edge input rules and
 * money as decimal strings in JSON, body size and rate limits, the published contracts (schemas, AsyncAPI), and
 * the JWT resource server with the endpoint rules.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration")
@Import(MesSecurityConfiguration.class)
public class WebAutoConfiguration {

    @Bean
    JsonMapperBuilderCustomizer moneyAsDecimalStrings() {
        return builder -> {
            builder.addModule(EventJson.moneyAsDecimalStrings());
            builder.addModule(new EdgeInputModule());
        };
    }

    @Bean
    ProblemDetailsAdvice problemDetailsAdvice(MeterRegistry metrics) {
        return new ProblemDetailsAdvice(metrics);
    }

    @Bean
    ProblemErrorController problemErrorController(ProblemDetailsAdvice problems) {
        return new ProblemErrorController(problems);
    }

    @Bean
    ContractsController contractsController() {
        return new ContractsController();
    }

    @Bean
    FilterRegistrationBean<RequestLimits> requestLimits(
            @Value("${mes.limits.max-body-bytes:65536}") long maxBody,
            @Value("${mes.limits.max-picture-bytes:4194304}") long maxPicture,
            @Value("${mes.limits.supplier-requests-per-second:50}") int supplierRate,
            @Value("${mes.limits.distributor-requests-per-second:2000}") int distributorRate) {
        FilterRegistrationBean<RequestLimits> registration = new FilterRegistrationBean<>(
                new RequestLimits(maxBody, maxPicture, supplierRate, distributorRate));
        registration.setOrder(0);
        return registration;
    }
}
