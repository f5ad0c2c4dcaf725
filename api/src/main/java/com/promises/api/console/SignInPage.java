package com.promises.api.console;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** {@code /}: the sign-in form, or the start page for someone already signed in. */
@Controller
class SignInPage {

    @GetMapping("/")
    String signIn() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken)) {
            return "redirect:/console/today";
        }
        return "console/sign-in";
    }

    @GetMapping("/console")
    String start() {
        return "redirect:/console/today";
    }
}
