/* Copyright 2026 Toimio contributors
   License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import {registry} from "@web/core/registry";

/**
 * On Today the supervisor records one person sick, then the whole team
 * done: the sick day stays an absence and the notice says it was skipped.
 */
registry.category("web_tour.tours").add("toimio_today_absence", {
    url: "/odoo",
    steps: () => [
        {
            content: "Eero is off sick: Absent on his card",
            trigger:
                ".o_toimio_shift_kanban .o_kanban_record:contains(Eero Esimerkki) button[name=action_absent]",
            run: "click",
        },
        {
            content: "The reason: sick",
            trigger:
                ".modal .o_field_widget[name=absence_reason] input[data-value=sick]",
            run: "click",
        },
        {
            content: "Record the absence",
            trigger: ".modal-footer button[name=action_confirm]",
            run: "click",
        },
        {
            content: "Eero's card says absent",
            trigger:
                ".o_toimio_shift_kanban .o_kanban_record:contains(Eero Esimerkki):contains(Sick) .o_toimio_shift_undo",
        },
        {
            content: "On a phone the button is under the menu next to New",
            isActive: ["mobile"],
            trigger: "button.o_control_panel_collapsed_create.dropdown-toggle",
            run: "click",
        },
        {
            content: "Record the whole team",
            trigger: ".o_toimio_shift_all_done",
            run: "click",
        },
        {
            content: "Confirm",
            trigger: ".modal-footer .btn-primary",
            run: "click",
        },
        {
            content: "The notice counts the absence as skipped",
            trigger:
                ".o_notification:contains(Recorded as done: 2):contains(Skipped as already recorded: 1 (Absent: 1))",
        },
        {
            content: "The sick day is still an absence",
            trigger:
                ".o_toimio_shift_kanban .o_kanban_record:contains(Eero Esimerkki):contains(Sick) .o_toimio_shift_undo",
        },
    ],
});
