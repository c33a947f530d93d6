package fr.grd.mes.console.web;

import fr.grd.mes.console.api.ApiRefusal;
import fr.grd.mes.console.signin.ConsoleUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** What every page knows (who is signed in, the system's time) and what a page shows when a service refuses. */
@ControllerAdvice(basePackages = "fr.grd.mes.console.web")
public class ConsoleAdvice {
    private final Fmt fmt;

    public ConsoleAdvice(Fmt fmt) {
        this.fmt = fmt;
    }

    @ModelAttribute
    void common(Model model, @AuthenticationPrincipal ConsoleUser user) {
        model.addAttribute("user", user);
        java.time.Instant now = fmt.now();
        model.addAttribute("now", now);
        model.addAttribute("nowMillis", now.toEpochMilli());
    }

    @ExceptionHandler(ApiRefusal.class)
    String refused(ApiRefusal refusal, Model model, HttpServletRequest request, HttpServletResponse response) {
        if (refusal.status() == 401) {
            var session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            return "redirect:/console/connexion?expiree";
        }
        response.setStatus(refusal.status() >= 500 ? 502 : refusal.status());
        model.addAttribute("erreur", refusal.message());
        return "erreur";
    }

    /** Runs a desk action against a service and comes back to the page with its result or its refusal. */
    static String act(RedirectAttributes flash, String back, String success, Runnable call) {
        try {
            call.run();
            flash.addFlashAttribute("ok", success);
        } catch (ApiRefusal refusal) {
            if (refusal.status() == 401) {
                throw refusal;
            }
            flash.addFlashAttribute("erreur", refusal.message());
        }
        return "redirect:" + back;
    }
}
