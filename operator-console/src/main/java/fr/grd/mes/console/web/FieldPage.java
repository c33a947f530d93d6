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
import org.springframework.web.util.UriComponentsBuilder;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * "Terrain": a zone's appointments of the day, with the client and the address; the technician records
 * "mise en service réalisée" with the index read, or "client absent" (wasted trip).
 */
@Controller
public class FieldPage {
    private final PlatformApi api;
    private final Fmt fmt;

    public FieldPage(PlatformApi api, Fmt fmt) {
        this.api = api;
        this.fmt = fmt;
    }

    /** An appointment of the round, its case (client) and its delivery point (address). */
    public record Stop(Map<String, Object> rdv, Map<String, Object> affaire, Map<String, Object> pdl) {
        public String clientName() {
            return Json.at(affaire, "client", "name");
        }

        public String clientPhone() {
            return Json.at(affaire, "client", "phone");
        }

        public String address() {
            String street = Json.at(pdl, "address", "street");
            return street == null ? null : street + ", " + Json.at(pdl, "address", "postalCode") + " "
                    + Json.at(pdl, "address", "city");
        }

        public String supplierReference() {
            return Json.at(affaire, "externalReference");
        }

        public boolean open() {
            return "BOOKED".equals(rdv.get("status"));
        }
    }

    @GetMapping("/console/terrain")
    String page(@RequestParam(required = false) String zone, @RequestParam(required = false) LocalDate date,
                Model model) {
        List<String> zones = api.strings(PlatformService.SCHEDULING, uri -> uri.path("/api/v1/zones").build());
        String chosen = zone != null && !zone.isBlank() ? zone.strip() : zones.isEmpty() ? null : zones.get(0);
        LocalDate day = date == null ? fmt.today() : date;
        List<Stop> stops = chosen == null ? List.of() : api.list(PlatformService.SCHEDULING,
                        uri -> uri.path("/api/v1/appointments").queryParam("zone", chosen).queryParam("date", day).build())
                .stream().map(rdv -> new Stop(rdv,
                        orEmpty(PlatformService.REQUEST, "/api/v1/cases/{id}", (String) rdv.get("caseId")),
                        orEmpty(PlatformService.CONTRACT, "/api/v1/delivery-points/{pdl}", (String) rdv.get("pdl"))))
                .toList();
        model.addAttribute("zones", zones);
        model.addAttribute("zone", chosen);
        model.addAttribute("date", day);
        model.addAttribute("veille", day.minusDays(1));
        model.addAttribute("lendemain", day.plusDays(1));
        model.addAttribute("tournee", stops);
        return "terrain";
    }

    private Map<String, Object> orEmpty(PlatformService service, String path, String id) {
        return api.objectIfPresent(service, uri -> uri.path(path).build(id)).orElse(Map.of());
    }

    private static String back(String zone, LocalDate date) {
        return UriComponentsBuilder.fromPath("/console/terrain").queryParam("zone", zone).queryParam("date", date)
                .encode().build().toUriString();
    }

    @PostMapping("/console/terrain/{appointmentId}/realisee")
    String completed(@PathVariable String appointmentId, @RequestParam(required = false) String index,
                     @RequestParam String zone, @RequestParam LocalDate date, RedirectAttributes flash) {
        String typed = index == null ? "" : index.strip();
        if (!typed.matches("\\d{1,6}")) {
            flash.addFlashAttribute("erreur", "Saisie refusée : l'index relevé est un nombre entier (jusqu'à 6 chiffres)"
                    + " — " + appointmentId);
            return "redirect:" + back(zone, date);
        }
        Map<String, Object> body = Map.of("result", "COMPLETED", "meterIndex", Long.parseLong(typed));
        return ConsoleAdvice.act(flash, back(zone, date), "Mise en service réalisée, index " + typed
                        + " (" + appointmentId + ")",
                () -> api.post(PlatformService.SCHEDULING,
                        uri -> uri.path("/api/v1/appointments/{id}/outcome").build(appointmentId), body));
    }

    @PostMapping("/console/terrain/{appointmentId}/absent")
    String absent(@PathVariable String appointmentId, @RequestParam String zone, @RequestParam LocalDate date,
                  RedirectAttributes flash) {
        return ConsoleAdvice.act(flash, back(zone, date), "Client absent : déplacement vain (" + appointmentId + ")",
                () -> api.post(PlatformService.SCHEDULING,
                        uri -> uri.path("/api/v1/appointments/{id}/outcome").build(appointmentId),
                        Map.of("result", "CLIENT_ABSENT")));
    }
}
