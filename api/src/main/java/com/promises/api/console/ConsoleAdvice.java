package com.promises.api.console;

import com.promises.projections.CustomerNotFoundException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.beans.propertyeditors.StringTrimmerEditor;
import org.springframework.ui.Model;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.ResponseStatus;

/** What every console page knows (who is signed in), and its own not-found page instead of the API's problem+json. */
@ControllerAdvice(basePackages = "com.promises.api.console")
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConsoleAdvice {

    /** An empty field is a field left out (an optional id, a note), as in the API's JSON. */
    @InitBinder
    void emptyIsAbsent(WebDataBinder binder) {
        binder.registerCustomEditor(String.class, new StringTrimmerEditor(true));
    }

    @ModelAttribute("viewer")
    Viewer viewer() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || authentication instanceof AnonymousAuthenticationToken) {
            return null;
        }
        return Viewer.of(authentication);
    }

    @ExceptionHandler({CustomerNotFoundException.class, AggregateNotFoundException.class})
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(RuntimeException notFound, Model model) {
        model.addAttribute("viewer", viewer());
        model.addAttribute("detail", notFound.getMessage());
        return "console/not-found";
    }
}
