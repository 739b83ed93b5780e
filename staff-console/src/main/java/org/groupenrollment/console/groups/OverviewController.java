package org.groupenrollment.console.groups;

import org.groupenrollment.console.ConsoleSettings;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * Every group at a glance. The page asks {@code /api/overview} for fresh figures every
 * few seconds; the figures hold no personal data, so looking at them is not audited.
 */
@Controller
class OverviewController {

    private final Listings listings;

    private final Board board;

    private final ConsoleSettings settings;

    OverviewController(Listings listings, Board board, ConsoleSettings settings) {
        this.listings = listings;
        this.board = board;
        this.settings = settings;
    }

    @GetMapping("/")
    String overview(Model model) {
        model.addAttribute("overview", Overview.of(listings, board.seats()));
        model.addAttribute("refreshMillis", settings.overviewRefresh().toMillis());
        return "overview";
    }

    @GetMapping("/api/overview")
    @ResponseBody
    Overview figures() {
        return Overview.of(listings, board.seats());
    }

}
