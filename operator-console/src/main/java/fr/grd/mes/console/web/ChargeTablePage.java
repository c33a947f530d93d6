package fr.grd.mes.console.web;

import fr.grd.mes.client.PlatformService;
import fr.grd.mes.console.api.PlatformApi;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * "Tableau de charges": zones × days × half days, with free and booked places, weekends and public holidays
 * shown; each half day's capacity is edited in place (type the number, press Entrée).
 */
@Controller
public class ChargeTablePage {
    static final List<String> HALF_DAYS = List.of("AM", "PM");

    private final PlatformApi api;
    private final Fmt fmt;

    public ChargeTablePage(PlatformApi api, Fmt fmt) {
        this.api = api;
        this.fmt = fmt;
    }

    /** One half day of one zone on one day. */
    public record Cell(String zone, String date, String slot, boolean businessDay, String holiday, int capacity,
                       int booked, int free, String label) {
        public String inputId() {
            return "capacite-" + zone + "-" + date + "-" + slot;
        }
    }

    public record Row(String zone, String slot, List<Cell> cells) {
    }

    @GetMapping("/console/tableau-de-charges")
    String page(@RequestParam(required = false) String zone, @RequestParam(required = false) LocalDate du,
                @RequestParam(defaultValue = "14") int jours, Model model) {
        LocalDate from = du == null ? fmt.today() : du;
        int days = Math.max(1, Math.min(jours, 31));
        LocalDate to = from.plusDays(days - 1L);
        List<Map<String, Object>> calendar = api.list(PlatformService.SCHEDULING,
                uri -> uri.path("/api/v1/calendar").queryParam("from", from).queryParam("to", to).build());
        Set<String> zones = new LinkedHashSet<>();
        zones.addAll(api.strings(PlatformService.SCHEDULING, uri -> uri.path("/api/v1/zones").build()));
        boolean one = zone != null && !zone.isBlank();
        List<String> shown = one ? List.of(zone.strip()) : List.copyOf(zones);
        List<Row> rows = new ArrayList<>();
        for (String z : shown) {
            Map<String, Map<String, Object>> slots = new HashMap<>();
            for (Map<String, Object> slot : api.list(PlatformService.SCHEDULING, uri -> uri.path("/api/v1/slots")
                    .queryParam("zone", z).queryParam("from", from).queryParam("to", to).build())) {
                slots.put(slot.get("date") + "/" + slot.get("slot"), slot);
            }
            for (String half : HALF_DAYS) {
                List<Cell> cells = new ArrayList<>();
                for (Map<String, Object> day : calendar) {
                    Map<String, Object> slot = slots.get(day.get("date") + "/" + half);
                    cells.add(new Cell(z, String.valueOf(day.get("date")), half,
                            Boolean.TRUE.equals(day.get("businessDay")), (String) day.get("holiday"),
                            number(slot, "capacity"), number(slot, "booked"), number(slot, "free"),
                            "Capacité " + z + " " + fmt.date(day.get("date")) + " " + fmt.label(half)));
                }
                rows.add(new Row(z, half, cells));
            }
        }
        model.addAttribute("jours", calendar);
        model.addAttribute("lignes", rows);
        model.addAttribute("zones", zones);
        model.addAttribute("zone", one ? zone.strip() : null);
        model.addAttribute("du", from);
        model.addAttribute("nbJours", days);
        model.addAttribute("precedent", from.minusDays(days));
        model.addAttribute("suivant", from.plusDays(days));
        return "tableau-de-charges";
    }

    private static int number(Map<String, Object> slot, String field) {
        return slot == null ? 0 : ((Number) slot.get(field)).intValue();
    }

    @PostMapping("/console/tableau-de-charges/capacite")
    String capacity(@RequestParam String zone, @RequestParam LocalDate date, @RequestParam String slot,
                    @RequestParam Integer places, @RequestParam(required = false) LocalDate du,
                    @RequestParam(required = false) String filtre, RedirectAttributes flash) {
        String back = UriComponentsBuilder.fromPath("/console/tableau-de-charges")
                .queryParamIfPresent("zone", java.util.Optional.ofNullable(filtre).filter(f -> !f.isBlank()))
                .queryParamIfPresent("du", java.util.Optional.ofNullable(du)).encode().build().toUriString();
        String half = "PM".equals(slot) ? "pm" : "am";
        return ConsoleAdvice.act(flash, back, "Capacité " + zone + " du " + fmt.date(date) + " " + fmt.label(slot)
                + " : " + places + " place(s)", () -> api.put(PlatformService.SCHEDULING,
                uri -> uri.path("/api/v1/capacity/{zone}/{date}").build(zone, date), Map.of(half, places)));
    }
}
