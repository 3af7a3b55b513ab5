package soc.web.security;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import soc.tenants.users.SecondFactor;
import soc.tenants.users.Totp;

/**
 * The second factor's pages: the code after the password ({@code /login/mfa}), enrolment during sign-in when
 * the role requires it ({@code /login/mfa/enrol}) and voluntary enrolment of a signed-in user
 * ({@code /account/mfa}). The secret being enrolled lives in the session only until the first valid code
 * confirms it; after that it is never shown again.
 */
@Controller
class MfaController {
    private static final String PENDING_SECRET = MfaController.class.getName() + ".secret";

    private final SecondFactor secondFactor;
    private final SecondFactorStep step;
    private final MfaProperties properties;

    MfaController(SecondFactor secondFactor, SecondFactorStep step, MfaProperties properties) {
        this.secondFactor = secondFactor;
        this.step = step;
        this.properties = properties;
    }

    // nothing pending: "/" sends the user to their role's landing page (LandingPage)
    @GetMapping(MfaGateFilter.VERIFY_PATH)
    String codePage() {
        return pending() == null ? "redirect:/" : "mfa-verify";
    }

    @PostMapping(MfaGateFilter.VERIFY_PATH)
    String verify(@RequestParam(defaultValue = "") String code, HttpServletRequest request,
                  HttpServletResponse response) throws IOException, ServletException {
        MfaPendingAuthentication pending = pending();
        if (pending == null || pending.step() != MfaPendingAuthentication.Step.VERIFY) {
            return "redirect:/";
        }
        switch (secondFactor.verify(pending.getName(), code)) {
            case ACCEPTED -> {
                step.complete(pending.user(), request, response);
                return null;
            }
            case LOCKED -> {
                signOut(request);
                return "redirect:/login?locked";
            }
            default -> {
                return "redirect:" + MfaGateFilter.VERIFY_PATH + "?error";
            }
        }
    }

    @GetMapping(MfaGateFilter.ENROL_PATH)
    String enrolDuringSignIn(HttpSession session, Model model) {
        MfaPendingAuthentication pending = pending();
        if (pending == null) {
            return "redirect:/account/mfa";
        }
        return enrolmentPage(pending.getName(), MfaGateFilter.ENROL_PATH, true, session, model);
    }

    @PostMapping(MfaGateFilter.ENROL_PATH)
    String confirmDuringSignIn(@RequestParam(defaultValue = "") String code, HttpSession session,
                               HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        MfaPendingAuthentication pending = pending();
        if (pending == null || pending.step() != MfaPendingAuthentication.Step.ENROL) {
            return "redirect:/";
        }
        if (!confirm(pending.getName(), code, session)) {
            return "redirect:" + MfaGateFilter.ENROL_PATH + "?error";
        }
        step.complete(pending.user(), request, response);
        return null;
    }

    @GetMapping("/account/mfa")
    String enrol(@AuthenticationPrincipal SocUser user, HttpSession session, Model model) {
        if (secondFactor.isEnrolled(user.getUsername())) {
            return "redirect:/account";
        }
        return enrolmentPage(user.getUsername(), "/account/mfa", false, session, model);
    }

    @PostMapping("/account/mfa")
    String confirm(@AuthenticationPrincipal SocUser user, @RequestParam(defaultValue = "") String code,
                   HttpSession session, RedirectAttributes redirect) {
        if (!confirm(user.getUsername(), code, session)) {
            return "redirect:/account/mfa?error";
        }
        redirect.addFlashAttribute("mfaEnrolled", true);
        return "redirect:/account";
    }

    private String enrolmentPage(String username, String action, boolean required, HttpSession session, Model model) {
        String secret = (String) session.getAttribute(PENDING_SECRET);
        if (secret == null) {
            secret = Totp.newSecret();
            session.setAttribute(PENDING_SECRET, secret);
        }
        String uri = Totp.uri(properties.issuer(), username, secret);
        model.addAttribute("secret", secret.replaceAll("(.{4})", "$1 ").trim());
        model.addAttribute("otpauthUri", uri);
        model.addAttribute("qrSvg", QrSvg.of(uri, "QR code of the authenticator set-up for " + username));
        model.addAttribute("action", action);
        model.addAttribute("required", required);
        return "mfa-enrol";
    }

    private boolean confirm(String username, String code, HttpSession session) {
        String secret = (String) session.getAttribute(PENDING_SECRET);
        if (secret == null || !secondFactor.enrol(username, secret, code)) {
            return false;
        }
        session.removeAttribute(PENDING_SECRET);
        return true;
    }

    private static MfaPendingAuthentication pending() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication instanceof MfaPendingAuthentication pending ? pending : null;
    }

    private static void signOut(HttpServletRequest request) {
        SecurityContextHolder.clearContext();
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
    }
}
