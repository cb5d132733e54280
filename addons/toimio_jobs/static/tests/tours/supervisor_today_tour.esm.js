/* Copyright 2026 Toimio contributors
   License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import {registry} from "@web/core/registry";

/**
 * The supervisor's day on a phone: log-in lands on Today, one visible
 * button records the team (no long press), and Undo is big enough to tap.
 */
registry.category("web_tour.tours").add("toimio_supervisor_today", {
    url: "/odoo",
    steps: () => [
        {
            content: "Log-in lands on Today with the team's shifts",
            trigger: ".o_toimio_shift_kanban .o_kanban_record:contains(Aino Testaaja)",
        },
        {
            content: "On a phone the button is under the menu next to New",
            isActive: ["mobile"],
            trigger: "button.o_control_panel_collapsed_create.dropdown-toggle",
            run: "click",
        },
        {
            content: "Record the whole team with one button",
            trigger: ".o_toimio_shift_all_done",
            run: "click",
        },
        {
            content: "Confirm",
            trigger: ".modal-footer .btn-primary",
            run: "click",
        },
        {
            content: "The shifts already recorded are named",
            trigger: ".o_notification:contains(Skipped)",
        },
        {
            content: "Undo is at least 24 × 24 px",
            trigger:
                ".o_toimio_shift_kanban .o_kanban_record:contains(Aino Testaaja) .o_toimio_shift_undo",
            run() {
                const {width, height} = this.anchor.getBoundingClientRect();
                if (width < 24 || height < 24) {
                    throw new Error(`Undo is ${width} × ${height} px`);
                }
            },
        },
    ],
});
