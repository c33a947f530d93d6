package fr.grd.mes.console.web;

import fr.grd.mes.console.api.PlatformApi;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.List;
import java.util.Map;

/**
 * "Avenants L. 342-2": amendments by state with their deadlines (validity, connection agreement), the
 * computed contribution (Annexe 3) and deposit, and the PDF document.
 */
@Controller
public class AmendmentPages {
    static final List<String> STATES = List.of("ISSUED", "DRAFT", "ACCEPTED", "EXPIRED", "VOIDED");

    private final PlatformApi api;

    public AmendmentPages(PlatformApi api) {
        this.api = api;
    }

    @GetMapping("/console/avenants")
    String list(@RequestParam(defaultValue = "ISSUED") String etat, Model model) {
        String state = STATES.contains(etat) ? etat : "ISSUED";
        model.addAttribute("etats", STATES);
        model.addAttribute("etat", state);
        model.addAttribute("avenants", api.list(PlatformApi.Service.CONTRACT,
                uri -> uri.path("/api/v1/amendments").queryParam("status", state).build()));
        return "avenants";
    }

    @GetMapping("/console/avenants/{id}")
    String detail(@PathVariable String id, Model model) {
        Map<String, Object> amendment = api.object(PlatformApi.Service.CONTRACT,
                uri -> uri.path("/api/v1/amendments/{id}").build(id));
        model.addAttribute("avenant", amendment);
        return "avenant";
    }

    @GetMapping("/console/avenants/{id}/document")
    ResponseEntity<byte[]> document(@PathVariable String id) {
        byte[] pdf = api.bytes(PlatformApi.Service.CONTRACT, uri -> uri.path("/api/v1/amendments/{id}/document").build(id),
                MediaType.APPLICATION_PDF);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"avenant-" + id.replaceAll("[^A-Za-z0-9-]", "")
                        + ".pdf\"").body(pdf);
    }
}
