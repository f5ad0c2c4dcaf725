package com.promises.api.console.admin;

import com.promises.projections.rebuild.Projections;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

/** The read models' position, lag and dead letters (each parked event listed), and a rebuild with its progress bar (htmx polls the fragment). */
@Controller
class AdminPage {

    /** Parked events listed per read model; the count beside each says how many there are in all. */
    static final int DEAD_LETTERS_SHOWN = 50;

    private final Projections projections;

    AdminPage(Projections projections) {
        this.projections = projections;
    }

    @GetMapping("/console/admin")
    String admin(Model model) {
        model.addAttribute("status", projections.status());
        model.addAttribute("deadLetters", projections.deadLetters(DEAD_LETTERS_SHOWN));
        return "console/admin";
    }

    @GetMapping("/console/admin/progress")
    String progress(Model model) {
        model.addAttribute("status", projections.status());
        return "console/admin :: progress";
    }

    @PostMapping("/console/admin/rebuild")
    ModelAndView rebuild() {
        projections.rebuild();
        RedirectView view = new RedirectView("/console/admin", true);
        view.setStatusCode(HttpStatus.SEE_OTHER);
        view.setHttp10Compatible(false);
        view.setExposeModelAttributes(false);
        return new ModelAndView(view);
    }
}
