package fr.grd.mes.console.web;

import fr.grd.mes.client.PlatformService;
import fr.grd.mes.console.api.PlatformApi;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import java.io.IOException;
import java.time.LocalDate;
import java.util.LinkedHashMap;

import java.util.List;
import java.util.Map;

/**
 * "Avenants L. 342-2": amendments by state with their deadlines (validity, connection agreement), the
 * computed contribution (Annexe 3) and deposit, and the PDF document; the desk's actions: attach Annexe 2's diagram and
 * issue a draft, record the end of the distributor's works (the §9 balance invoice), its payment, and the Travaux
 * Mandataire's final figures. The services decide; a refusal comes back as the page's message.
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
        model.addAttribute("avenants", api.list(PlatformService.CONTRACT,
                uri -> uri.path("/api/v1/amendments").queryParam("status", state).build()));
        return "avenants";
    }

    @GetMapping("/console/avenants/{id}")
    String detail(@PathVariable String id, Model model) {
        Map<String, Object> amendment = api.object(PlatformService.CONTRACT,
                uri -> uri.path("/api/v1/amendments/{id}").build(id));
        model.addAttribute("avenant", amendment);
        return "avenant";
    }

    @GetMapping("/console/avenants/{id}/document")
    ResponseEntity<byte[]> document(@PathVariable String id) {
        byte[] pdf = api.bytes(PlatformService.CONTRACT, uri -> uri.path("/api/v1/amendments/{id}/document").build(id),
                MediaType.APPLICATION_PDF);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"avenant-" + id.replaceAll("[^A-Za-z0-9-]", "")
                        + ".pdf\"").body(pdf);
    }

    @GetMapping("/console/avenants/{id}/schema")
    ResponseEntity<byte[]> diagram(@PathVariable String id) {
        Map<String, Object> amendment = api.object(PlatformService.CONTRACT,
                uri -> uri.path("/api/v1/amendments/{id}").build(id));
        Object diagram = amendment.get("connectionDiagram");
        MediaType type = diagram instanceof Map<?, ?> d && d.get("contentType") instanceof String t
                ? MediaType.parseMediaType(t) : MediaType.IMAGE_PNG;
        byte[] picture = api.bytes(PlatformService.CONTRACT,
                uri -> uri.path("/api/v1/amendments/{id}/connection-diagram").build(id), type);
        return ResponseEntity.ok().contentType(type).body(picture);
    }

    private static String back(String id) {
        return UriComponentsBuilder.fromPath("/console/avenants/{id}").buildAndExpand(id).encode().toUriString();
    }

    @PostMapping("/console/avenants/{id}/schema")
    String attachDiagram(@PathVariable String id, @RequestParam("fichier") MultipartFile file, RedirectAttributes flash)
            throws IOException {
        if (file.isEmpty() || file.getContentType() == null) {
            flash.addFlashAttribute("erreur", "Choisissez le schéma de raccordement (PNG ou JPEG).");
            return "redirect:" + back(id);
        }
        byte[] picture = file.getBytes();
        MediaType type = MediaType.parseMediaType(file.getContentType());
        return ConsoleAdvice.act(flash, back(id), "Schéma de raccordement joint (Annexe 2)",
                () -> api.putBytes(PlatformService.CONTRACT,
                        uri -> uri.path("/api/v1/amendments/{id}/connection-diagram").build(id), type, picture));
    }

    @PostMapping("/console/avenants/{id}/emettre")
    String issue(@PathVariable String id, RedirectAttributes flash) {
        return ConsoleAdvice.act(flash, back(id), "Avenant émis", () -> api.post(PlatformService.CONTRACT,
                uri -> uri.path("/api/v1/amendments/{id}/issue").build(id), Map.of()));
    }

    @PostMapping("/console/avenants/{id}/fin-travaux-enedis")
    String distributorWorksCompleted(@PathVariable String id, @RequestParam LocalDate completedOn,
                                     @RequestParam LocalDate requesterWorksFinishedOn,
                                     @RequestParam(required = false) String indexRatio, RedirectAttributes flash) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("completedOn", completedOn.toString());
        body.put("requesterWorksFinishedOn", requesterWorksFinishedOn.toString());
        if (indexRatio != null && !indexRatio.isBlank()) {
            body.put("indexRatio", indexRatio.strip().replace(',', '.'));
        }
        return ConsoleAdvice.act(flash, back(id), "Fin des travaux d'Enedis enregistrée : solde facturé",
                () -> api.post(PlatformService.CONTRACT,
                        uri -> uri.path("/api/v1/amendments/{id}/distributor-works-completed").build(id), body));
    }

    @PostMapping("/console/avenants/{id}/paiement-solde")
    String balancePaid(@PathVariable String id, @RequestParam(required = false) LocalDate paidOn,
                       RedirectAttributes flash) {
        Map<String, Object> body = paidOn == null ? Map.of() : Map.of("paidOn", paidOn.toString());
        return ConsoleAdvice.act(flash, back(id), "Paiement du solde enregistré", () -> api.post(
                PlatformService.CONTRACT, uri -> uri.path("/api/v1/amendments/{id}/balance-payment").build(id), body));
    }

    @PostMapping("/console/avenants/{id}/montants-definitifs")
    String finalFigures(@PathVariable String id, @RequestParam String mandataireWorksExclTax,
                        @RequestParam String claimedRefactionExclTax, RedirectAttributes flash) {
        Map<String, Object> body = Map.of("mandataireWorksExclTax", mandataireWorksExclTax.strip().replace(',', '.'),
                "claimedRefactionExclTax", claimedRefactionExclTax.strip().replace(',', '.'));
        return ConsoleAdvice.act(flash, back(id), "Montants définitifs des Travaux Mandataire enregistrés",
                () -> api.post(PlatformService.CONTRACT,
                        uri -> uri.path("/api/v1/amendments/{id}/final-figures").build(id), body));
    }
}
