package fr.grd.mes.console.signin;

import fr.grd.mes.devidentity.DevTokens;
import fr.grd.mes.console.config.ConsoleProperties;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * "Connexion". In development (the local stack) one button per role signs in with a token of the dev issuer;
 * elsewhere the page says that sign-in goes through the distributor's identity provider.
 */
@Controller
public class SignInController {
    /** The roles a person can take at the console, with the French name shown on the button. */
    static final Map<String, String> ROLES = Map.of(
            ConsoleUser.OPERATOR, "Opérateur du bureau express",
            ConsoleUser.TECHNICIAN, "Technicien d'intervention");

    private final Optional<DevTokens> devTokens;
    private final ConsoleProperties properties;
    private final SecurityContextRepository contexts;

    public SignInController(ConsoleProperties properties, SecurityContextRepository contexts) {
        this.devTokens = properties.devSignInEnabled()
                ? Optional.of(DevTokens.fromPem(properties.devSignInKey(), java.time.Clock.systemUTC()))
                : Optional.empty();
        this.properties = properties;
        this.contexts = contexts;
    }

    @GetMapping("/")
    String root() {
        return "redirect:/console";
    }

    @GetMapping("/console/connexion")
    String page(Model model) {
        model.addAttribute("devSignIn", properties.devSignInEnabled());
        return "connexion";
    }

    @PostMapping("/console/connexion")
    String signIn(@RequestParam String role, @RequestParam(required = false) String name, HttpServletRequest request,
                  HttpServletResponse response) {
        if (devTokens.isEmpty() || !ROLES.containsKey(role)) {
            return "redirect:/console/connexion?refus";
        }
        String person = name == null || name.isBlank() ? ROLES.get(role) : name.strip();
        if (person.length() > 60) {
            person = person.substring(0, 60);
        }
        String subject = role.toLowerCase() + "-" + person.toLowerCase().replaceAll("[^a-z0-9]+", "-");
        String token = devTokens.get().mint(subject, List.of(role));
        ConsoleUser user = new ConsoleUser(subject, person, Set.of(role), token);
        var authentication = UsernamePasswordAuthenticationToken.authenticated(user, null,
                List.of(new SimpleGrantedAuthority("ROLE_" + role)));
        var previous = request.getSession(false);
        if (previous != null) {
            previous.invalidate();
        }
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        return ConsoleUser.TECHNICIAN.equals(role) ? "redirect:/console/terrain" : "redirect:/console";
    }
}
