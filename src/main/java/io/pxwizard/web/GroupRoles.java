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

	/** The token has no groups claim. */
	static final String MISSING_CLAIM = "missing_claim";

	/** The user is in neither group. */
	static final String NO_GROUP = "no_group";

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
					throw refused(MISSING_CLAIM, policy.rolesClaim());
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
					throw refused(NO_GROUP, policy.operatorGroup() + " " + policy.viewerGroup());
				}
			}
		}
		return mapped;
	}

	/**
	 * Why a sign-in was refused, as an OAuth2 error code; the login page words it
	 * ({@code login.refused.<code>}) with the description's words as arguments.
	 */
	private static OAuth2AuthenticationException refused(String code, String arguments) {
		return new OAuth2AuthenticationException(new OAuth2Error(code, arguments, null), code);
	}

}
