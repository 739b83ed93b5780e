package org.groupenrollment.console.security;

import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;

/**
 * The sign-in page: the local users' form, and a link to each identity provider
 * configured. Spring Security handles what they post and where they lead.
 */
@Controller
class LoginController {

    private final StaffUsers users;

    private final ObjectProvider<ClientRegistrationRepository> identityProviders;

    LoginController(StaffUsers users, ObjectProvider<ClientRegistrationRepository> identityProviders) {
        this.users = users;
        this.identityProviders = identityProviders;
    }

    @GetMapping("/login")
    String login(Model model) {
        model.addAttribute("localUsers", !users.users().isEmpty());
        model.addAttribute("identityProviders", identityProviders());
        return "login";
    }

    private List<ClientRegistration> identityProviders() {
        List<ClientRegistration> registrations = new ArrayList<>();
        if (identityProviders.getIfAvailable() instanceof Iterable<?> all) {
            all.forEach(registration -> registrations.add((ClientRegistration) registration));
        }
        return registrations;
    }

}
