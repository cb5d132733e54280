/* Copyright 2026 Toimio contributors
   License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import {registry} from "@web/core/registry";

/**
 * Submitting the selected claims: the wizard shows their total as money,
 * 525,00 € + 700,00 € = 1 225,00 € (in English "1,225.00 €").
 */
registry.category("web_tour.tours").add("toimio_claim_submit", {
    url: "/odoo/action-toimio_wage_subsidy.toimio_wage_subsidy_claim_action",
    steps: () => [
        {
            content: "Both claims are listed",
            trigger: ".o_list_view .o_data_row:nth-child(2)",
        },
        {
            content: "Select all",
            trigger: ".o_list_view thead .o_list_record_selector input",
            run: "click",
        },
        {
            content: "Submit the selection",
            trigger: ".o_control_panel_actions button[name=action_submit]",
            run: "click",
        },
        {
            content: "The total claimed, in euros",
            trigger:
                ".modal .o_field_widget[name=amount_total]:contains(1,225.00):contains(€)",
        },
        {
            content: "Submit",
            trigger: ".modal-footer button[name=action_submit]",
            run: "click",
        },
        {
            content: "The claims are submitted",
            trigger:
                "body:not(:has(.modal)) .o_list_view .o_data_row:contains(Submitted)",
        },
    ],
});
