package soc.web.users;

import java.time.Duration;
import java.time.Instant;
import java.util.NoSuchElementException;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import soc.tenants.apitokens.ApiTokens;
import soc.tenants.apitokens.IssuedApiToken;
import soc.tenants.users.SecondFactor;
import soc.web.security.SocUser;

/**
 * "My account": the signed-in user's second factor and personal API tokens (created with a name and an
 * expiry, shown once, listed by prefix, revocable). Only ever the user's own.
 */
@Controller
class AccountController {
    private final ApiTokens tokens;
    private final SecondFactor secondFactor;

    AccountController(ApiTokens tokens, SecondFactor secondFactor) {
        this.tokens = tokens;
        this.secondFactor = secondFactor;
    }

    @GetMapping("/account")
    String account(@AuthenticationPrincipal SocUser user, Model model) {
        model.addAttribute("mfaEnrolledNow", secondFactor.isEnrolled(user.getUsername()));
        model.addAttribute("tokens", tokens.ofUser(user.getUsername()));
        model.addAttribute("now", Instant.now());
        return "account";
    }

    @PostMapping("/account/tokens")
    String create(@AuthenticationPrincipal SocUser user, @RequestParam(defaultValue = "") String name,
                  @RequestParam(defaultValue = "90") int days, RedirectAttributes redirect) {
        try {
            IssuedApiToken issued = tokens.create(user.getUsername(), name, Duration.ofDays(days));
            redirect.addFlashAttribute("issuedApiToken", issued.secret());
            redirect.addFlashAttribute("issuedApiTokenName", issued.token().getName());
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("tokenError", e.getMessage());
        }
        return "redirect:/account#tokens";
    }

    @PostMapping("/account/tokens/{tokenId}/revoke")
    String revoke(@AuthenticationPrincipal SocUser user, @PathVariable UUID tokenId) {
        try {
            tokens.revoke(user.getUsername(), tokenId);
        } catch (NoSuchElementException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return "redirect:/account#tokens";
    }
}
