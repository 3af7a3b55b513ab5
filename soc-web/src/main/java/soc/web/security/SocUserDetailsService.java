package soc.web.security;

import java.time.Instant;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

import soc.tenants.users.UserAccounts;

@Service
class SocUserDetailsService implements UserDetailsService {
    private final UserAccounts accounts;

    SocUserDetailsService(UserAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return accounts.findForSignIn(username)
                .map(user -> new SocUser(user, user.isLockedAt(Instant.now())))
                .orElseThrow(() -> new UsernameNotFoundException("No such user"));
    }
}
