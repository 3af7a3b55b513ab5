package soc.web.home;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class HomeController {

    @GetMapping("/")
    String home() {
        return "redirect:/alerts";
    }

    @GetMapping("/login")
    String login() {
        return "login";
    }
}
