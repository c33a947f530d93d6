package fr.grd.mes.support.web;

import fr.grd.mes.support.outcome.NotFound;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Serves the event contracts every service is built with: the AsyncAPI document of the topics and the JSON
 * Schema of every record type (its relative {@code $ref}s resolve against these paths).
 */
@RestController
public class ContractsController {

    @GetMapping(value = "/asyncapi/asyncapi.json", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<String> asyncApi() throws IOException {
        return resource("asyncapi/asyncapi.json");
    }

    @GetMapping(value = "/schemas/{eventType}.schema.json", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<String> schema(@PathVariable String eventType) throws IOException {
        if (!eventType.matches("[A-Za-z]{1,60}")) {
            throw new NotFound("no schema " + eventType);
        }
        return resource("schemas/" + eventType + ".schema.json");
    }

    private static ResponseEntity<String> resource(String path) throws IOException {
        ClassPathResource resource = new ClassPathResource(path);
        if (!resource.exists()) {
            throw new NotFound("no such contract document: " + path);
        }
        return ResponseEntity.ok(resource.getContentAsString(StandardCharsets.UTF_8));
    }
}
