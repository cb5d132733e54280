/* Copyright 2026 Toimio contributors
   License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import {registry} from "@web/core/registry";

/**
 * Submitting the selected claims: the wizard shows their total as money,
 * 525,00 € + 700,00 € = 1 225,00 € (in English "1,225.00 €"). On a phone
 * the claims are selected by a long press and a tap, and the list's buttons
 * are under the cog.
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
            isActive: ["desktop"],
            trigger: ".o_list_view thead .o_list_record_selector input",
            run: "click",
        },
        {
            content: "Submit the selection",
            isActive: ["desktop"],
            trigger: ".o_control_panel_actions button[name=action_submit]",
            run: "click",
        },
        {
            content: "On a phone a long press selects the first claim: hold it",
            isActive: ["mobile"],
            trigger: ".o_list_view .o_data_row:nth-child(1)",
            run() {
                this.anchor.dispatchEvent(
                    new TouchEvent("touchstart", {bubbles: true})
                );
            },
        },
        {
            // Odoo's list selects a row held past its own threshold: release
            // once it is selected, whatever that threshold is (no timing guess)
            content: "Release the first claim once it is selected",
            isActive: ["mobile"],
            trigger: ".o_list_view .o_data_row.o_data_row_selected:nth-child(1)",
            run() {
                this.anchor.dispatchEvent(new TouchEvent("touchend", {bubbles: true}));
            },
        },
        {
            content: "A tap then adds the second one",
            isActive: ["mobile"],
            trigger: ".o_list_view .o_data_row:nth-child(2):not(.o_data_row_selected)",
            run() {
                // In selection mode a tap on a row toggles it
                this.anchor.querySelector("td").click();
            },
        },
        {
            content: "Both claims are selected",
            isActive: ["mobile"],
            trigger: ".o_list_selection_box b:contains(2)",
        },
        {
            content: "On a phone the selection's buttons are under the cog",
            isActive: ["mobile"],
            trigger: ".o_cp_action_menus button:has(.fa-cog)",
            run: "click",
        },
        {
            content: "Submit the selection",
            isActive: ["mobile"],
            trigger: ".dropdown-item button[name=action_submit]",
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
            // The state's badge colour, not its label: the tour runs in any
            // language
            content: "The claims are submitted",
            trigger:
                "body:not(:has(.modal)) .o_list_view .o_data_row td[name=state] .text-bg-warning",
        },
    ],
});
