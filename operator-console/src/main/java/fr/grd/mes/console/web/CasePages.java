package fr.grd.mes.console.web;

import fr.grd.mes.client.PlatformService;
import fr.grd.mes.console.api.PlatformApi;
import fr.grd.mes.console.signin.ConsoleUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.List;
import java.util.Map;

/**
 * "Affaires": find a case by its number, its PdL or the supplier's reference; a case's page shows the
 * milestone timeline, deadlines, appointment and express decision, billing lines, the PdL's entry into the
 * supplier's perimeter and the summary sheet.
 */
@Controller
public class CasePages {
    private final PlatformApi api;

    public CasePages(PlatformApi api) {
        this.api = api;
    }

    @GetMapping("/console/affaires")
    String search(@RequestParam(required = false) String q, Model model) {
        String query = q == null ? "" : q.strip();
        model.addAttribute("q", query);
        if (query.isEmpty()) {
            model.addAttribute("resultats", null);
            return "affaires";
        }
        // a case number has the SGE case identifier's form; it could also be a supplier's reference, so look first
        if (query.toUpperCase().matches("[0-9A-Z]{8}") && api.objectIfPresent(PlatformService.REQUEST,
                uri -> uri.path("/api/v1/cases/{id}").build(query.toUpperCase())).isPresent()) {
            return "redirect:/console/affaires/" + query.toUpperCase();
        }
        boolean pdl = query.matches("\\d{14}");
        List<Map<String, Object>> found = api.list(PlatformService.REQUEST, uri -> uri.path("/api/v1/cases")
                .queryParam(pdl ? "pdl" : "externalReference", query).build());
        model.addAttribute("critere", pdl ? "PdL" : "référence fournisseur");
        model.addAttribute("resultats", found);
        return "affaires";
    }

    @GetMapping("/console/affaires/{caseId}")
    String detail(@PathVariable String caseId, Model model, @AuthenticationPrincipal ConsoleUser user) {
        Map<String, Object> c = api.object(PlatformService.REQUEST, uri -> uri.path("/api/v1/cases/{id}").build(caseId));
        String supplier = (String) c.get("supplierId");
        String pdl = (String) c.get("pdl");
        @SuppressWarnings("unchecked")
        Map<String, Object> appointment = (Map<String, Object>) c.get("appointment");
        model.addAttribute("affaire", c);
        model.addAttribute("rdv", appointment == null ? null : api.objectIfPresent(PlatformService.SCHEDULING,
                uri -> uri.path("/api/v1/appointments/{id}").build(appointment.get("id"))).orElse(null));
        if (user.isOperator()) {
            model.addAttribute("factures", api.list(PlatformService.BILLING, uri -> uri
                    .path("/api/v1/suppliers/{s}/billing-lines").queryParam("caseId", caseId).build(supplier)));
            Map<String, Object> entry = api.objectIfPresent(PlatformService.CONTRACT,
                    uri -> uri.path("/api/v1/suppliers/{s}/perimeter/{pdl}").build(supplier, pdl)).orElse(null);
            model.addAttribute("perimetre", entry != null && caseId.equals(entry.get("caseId")) ? entry : null);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> express = (Map<String, Object>) c.get("express");
        boolean conservatory = appointment != null && "CONSERVATORY".equals(appointment.get("kind"));
        model.addAttribute("escaladePossible", user.isOperator() && "COURS".equals(c.get("status")) && conservatory
                && express != null && express.get("escalatedAt") == null);
        return "affaire";
    }
}
