package org.groupenrollment.console.web;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Who is signed in, for every page's header: their id and whether they are an admin. */
@ControllerAdvice
class SignedIn {

    @ModelAttribute("staffId")
    String staffId(Authentication authentication) {
        return authentication == null ? null : authentication.getName();
    }

    @ModelAttribute("admin")
    boolean admin(Authentication authentication) {
        return authentication != null && authentication.getAuthorities()
            .stream()
            .map(GrantedAuthority::getAuthority)
            .anyMatch("ROLE_ADMIN"::equals);
    }

}
