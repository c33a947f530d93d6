package fr.grd.mes.console.web;

import fr.grd.mes.client.PlatformService;
import fr.grd.mes.console.api.PlatformApi;
import fr.grd.mes.console.signin.ConsoleUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

import java.util.Map;

/** "Compteurs du jour": requests received, express advanced or maintained, completed or client absent; live. */
@Controller
public class DayCountersPage {
    private final PlatformApi api;
    private final Fmt fmt;

    public DayCountersPage(PlatformApi api, Fmt fmt) {
        this.api = api;
        this.fmt = fmt;
    }

    @GetMapping("/console")
    String page(Model model, @AuthenticationPrincipal ConsoleUser user) {
        if (!user.isOperator()) {
            return "redirect:/console/terrain";
        }
        model.addAttribute("compteurs", counters());
        model.addAttribute("jour", fmt.today());
        return "compteurs";
    }

    /** The same counters as JSON, read every few seconds by the page. */
    @GetMapping(value = "/console/compteurs", produces = "application/json")
    @ResponseBody
    Map<String, Object> counters() {
        return api.object(PlatformService.REQUEST,
                uri -> uri.path("/api/v1/statistics/daily").queryParam("date", fmt.today()).build());
    }
}
