package org.groupenrollment.console.security;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;

/**
 * A person signed in through the identity provider gets the console's roles its ID token
 * names in one claim ({@code enrollment.console.roles-claim}, e.g. {@code "roles":
 * ["STAFF"]}), and nothing else: someone the provider knows but gives no console role can
 * sign in and see nothing.
 */
class RolesFromClaim implements GrantedAuthoritiesMapper {

    private final String claim;

    RolesFromClaim(String claim) {
        this.claim = claim;
    }

    @Override
    public Collection<? extends GrantedAuthority> mapAuthorities(Collection<? extends GrantedAuthority> authorities) {
        Set<GrantedAuthority> roles = new HashSet<>();
        for (GrantedAuthority authority : authorities) {
            if (authority instanceof OidcUserAuthority oidc
                    && oidc.getIdToken().getClaim(claim) instanceof Collection<?> named) {
                for (Object role : named) {
                    for (StaffUsers.Role known : StaffUsers.Role.values()) {
                        if (known.name().equalsIgnoreCase(String.valueOf(role))) {
                            roles.add(new SimpleGrantedAuthority("ROLE_" + known.name()));
                        }
                    }
                }
            }
        }
        return roles;
    }

}
