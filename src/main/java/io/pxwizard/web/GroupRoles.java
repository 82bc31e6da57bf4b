package io.pxwizard.web;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;

/**
 * An identity provider's user becomes an operator or a viewer by the groups in a
 * configurable claim ({@code px-wizard.security.roles-claim}, {@code groups} by default).
 * A token without that claim, or in neither group, does not sign in: the login page says
 * why.
 */
final class GroupRoles implements GrantedAuthoritiesMapper {

	private final LoginPolicy policy;

	GroupRoles(LoginPolicy policy) {
		this.policy = policy;
	}

	@Override
	public Collection<? extends GrantedAuthority> mapAuthorities(Collection<? extends GrantedAuthority> authorities) {
		Set<GrantedAuthority> mapped = new HashSet<>(authorities);
		for (GrantedAuthority authority : authorities) {
			if (authority instanceof OidcUserAuthority oidc) {
				Object claim = oidc.getAttributes().get(policy.rolesClaim());
				if (claim == null) {
					throw refused("The identity provider sent no '" + policy.rolesClaim()
							+ "' claim: configure it to send the user's groups, or set px-wizard.security.roles-claim.");
				}
				List<String> groups = (claim instanceof Collection<?> values)
						? values.stream().map(String::valueOf).toList() : List.of(String.valueOf(claim));
				if (groups.contains(policy.operatorGroup())) {
					mapped.add(new SimpleGrantedAuthority("ROLE_" + Roles.OPERATOR));
				}
				else if (groups.contains(policy.viewerGroup())) {
					mapped.add(new SimpleGrantedAuthority("ROLE_" + Roles.VIEWER));
				}
				else {
					throw refused("You are in neither " + policy.operatorGroup() + " nor " + policy.viewerGroup()
							+ " at the identity provider.");
				}
			}
		}
		return mapped;
	}

	private static OAuth2AuthenticationException refused(String why) {
		return new OAuth2AuthenticationException(new OAuth2Error("access_denied", why, null), why);
	}

}
