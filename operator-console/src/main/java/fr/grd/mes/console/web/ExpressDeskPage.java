package fr.grd.mes.console.web;

import fr.grd.mes.client.PlatformService;
import fr.grd.mes.console.api.PlatformApi;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * "Bureau express" (seed, option 2): the suppliers' express calls, the search for a place within 2 business
 * days, the proposals to call the client about with the call-back deadline counting down, and what was
 * advanced or maintained — including the windows that ended unhandled.
 */
@Controller
public class ExpressDeskPage {
    private final PlatformApi api;

    public ExpressDeskPage(PlatformApi api) {
        this.api = api;
    }

    /** An appointment of the desk with the case behind it (client, supplier reference). */
    public record Item(Map<String, Object> rdv, Map<String, Object> affaire) {
        public String clientName() {
            return Json.at(affaire, "client", "name");
        }

        public String clientPhone() {
            return Json.at(affaire, "client", "phone");
        }

        /** The call-back deadline in epoch milliseconds, for the page's countdown. */
        public long deadlineMillis() {
            String at = Json.at(rdv, "advancement", "callBackDeadline");
            return at == null ? 0 : java.time.Instant.parse(at).toEpochMilli();
        }
    }

    @GetMapping("/console/bureau-express")
    String page(Model model) {
        model.addAttribute("recherches", items("OPEN", 200));
        model.addAttribute("propositions", items("PROPOSED", 200));
        model.addAttribute("avances", items("ADVANCED", 30));
        model.addAttribute("maintenus", items("MAINTAINED", 30));
        return "bureau-express";
    }

    private List<Item> items(String status, int limit) {
        Map<String, Map<String, Object>> cases = new HashMap<>();
        return api.list(PlatformService.SCHEDULING, uri -> uri.path("/api/v1/advancements")
                        .queryParam("status", status).queryParam("limit", limit).build()).stream()
                .map(rdv -> new Item(rdv, cases.computeIfAbsent((String) rdv.get("caseId"), this::caseOrEmpty)))
                .toList();
    }

    private Map<String, Object> caseOrEmpty(String caseId) {
        return api.objectIfPresent(PlatformService.REQUEST, uri -> uri.path("/api/v1/cases/{id}").build(caseId))
                .orElse(Map.of());
    }

    /** The supplier's call to the "Acheminement" line for an express case (escalation). */
    @PostMapping("/console/bureau-express/escalade")
    String escalate(@RequestParam String affaire, @RequestParam(required = false) String appelant,
                    RedirectAttributes flash) {
        String caseId = affaire.strip().toUpperCase();
        Map<String, Object> body = new HashMap<>();
        body.put("sgeCaseNumber", caseId);
        if (appelant != null && !appelant.isBlank()) {
            body.put("caller", appelant.strip());
        }
        return ConsoleAdvice.act(flash, "/console/bureau-express", "Appel express enregistré pour l'affaire " + caseId
                        + " : recherche d'une place dans les 2 jours ouvrés, rappel du client sous 1 jour ouvré",
                () -> api.post(PlatformService.REQUEST,
                        uri -> uri.path("/api/v1/cases/{id}/express-escalation").build(caseId), body));
    }

    /** The desk's call to the client about a held proposal: agreed, declined or unreachable. */
    @PostMapping("/console/bureau-express/{appointmentId}/appel")
    String call(@PathVariable String appointmentId, @RequestParam String issue, RedirectAttributes flash) {
        Map<String, Object> body = switch (issue) {
            case "avance" -> Map.of("reachable", true, "agreed", true);
            case "refus" -> Map.of("reachable", true, "agreed", false);
            default -> Map.of("reachable", false);
        };
        String said = switch (issue) {
            case "avance" -> "Client joignable : rendez-vous avancé";
            case "refus" -> "Client joignable, avancement refusé : rendez-vous initial maintenu";
            default -> "Client injoignable : rendez-vous initial maintenu";
        };
        return ConsoleAdvice.act(flash, "/console/bureau-express", said + " (" + appointmentId + ")",
                () -> api.post(PlatformService.SCHEDULING,
                        uri -> uri.path("/api/v1/appointments/{id}/client-call").build(appointmentId), body));
    }
}
