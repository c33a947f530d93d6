package fr.grd.mes.console.web;

import fr.grd.mes.client.PlatformService;
import fr.grd.mes.console.api.PlatformApi;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * "Flux retenus": the records set aside from suppliers' F15, C15 and X12 files because a file could not carry
 * them, with the reason; the operator repairs a record's text (the characters a file cannot carry are removed)
 * or releases it once fixed at the source, and it goes into the supplier's next file.
 */
@Controller
public class FlowHoldsPage {
    /** Which service holds the records of which flow. */
    static final Map<String, PlatformService> OWNER = Map.of("X12", PlatformService.REQUEST,
            "F15", PlatformService.BILLING, "C15", PlatformService.CONTRACT);

    private final PlatformApi api;

    public FlowHoldsPage(PlatformApi api) {
        this.api = api;
    }

    @GetMapping("/console/flux-retenus")
    String page(Model model) {
        List<Map<String, Object>> held = new ArrayList<>();
        List<Map<String, Object>> done = new ArrayList<>();
        for (String flow : List.of("F15", "C15", "X12")) {
            api.list(OWNER.get(flow), uri -> uri.path("/api/v1/flow-holds").queryParam("flow", flow).build())
                    .forEach(hold -> ("HELD".equals(hold.get("status")) ? held : done).add(hold));
        }
        model.addAttribute("retenus", held);
        model.addAttribute("traites", done);
        return "flux-retenus";
    }

    @PostMapping("/console/flux-retenus/{flow}/{id}/reparer")
    String repair(@PathVariable String flow, @PathVariable String id, RedirectAttributes flash) {
        return act(flow, id, "repair", "Enregistrement réparé et libéré : il partira dans le prochain fichier "
                + flow, flash);
    }

    @PostMapping("/console/flux-retenus/{flow}/{id}/liberer")
    String release(@PathVariable String flow, @PathVariable String id, RedirectAttributes flash) {
        return act(flow, id, "release", "Enregistrement libéré : il partira dans le prochain fichier " + flow, flash);
    }

    private String act(String flow, String id, String action, String success, RedirectAttributes flash) {
        PlatformService owner = OWNER.get(flow);
        if (owner == null) {
            flash.addFlashAttribute("erreur", "Flux inconnu : " + flow);
            return "redirect:/console/flux-retenus";
        }
        return ConsoleAdvice.act(flash, "/console/flux-retenus", success, () -> api.post(owner,
                uri -> uri.path("/api/v1/flow-holds/{id}/" + action).build(id), Map.of()));
    }
}
