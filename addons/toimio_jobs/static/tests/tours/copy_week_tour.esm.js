/* Copyright 2026 Toimio contributors
   License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import {registry} from "@web/core/registry";

/**
 * Copying the week of 14.12.2026 (shifts on Monday, Thursday and Friday):
 * the wizard proposes the week of 4.1.2027, the first without a holiday on
 * those days; choosing Christmas week names the holidays skipped.
 */
registry.category("web_tour.tours").add("toimio_copy_week", {
    url: "/odoo",
    steps: () => [
        {
            content: "Open the Work menu",
            isActive: ["desktop"],
            trigger:
                ".o_main_navbar [data-menu-xmlid='toimio_jobs.toimio_jobs_menu_work']",
            run: "click",
        },
        {
            content: "Copy a week",
            isActive: ["desktop"],
            trigger:
                ".dropdown-item[data-menu-xmlid='toimio_jobs.toimio_shift_menu_copy_week']",
            run: "click",
        },
        {
            content: "On a phone the menu is in the sidebar",
            isActive: ["mobile"],
            trigger: ".o_main_navbar .o_menu_toggle",
            run: "click",
        },
        {
            content: "Copy a week, in the sidebar",
            isActive: ["mobile"],
            trigger:
                ".o_app_menu_sidebar li[data-menu-xmlid='toimio_jobs.toimio_shift_menu_copy_week']",
            run: "click",
        },
        {
            content: "Copy the week of 14 December",
            trigger: ".modal .o_field_widget[name=source_date] input",
            run: "edit 12/14/2026 && press Enter",
        },
        {
            content: "Christmas and New Year clash: the week of 4 January is proposed",
            trigger: ".modal .o_field_widget[name=target_date] input:value(01/04/2027)",
        },
        {
            content: "No holiday note for the proposed week",
            trigger: ".modal:not(:has(.o_field_widget[name=holiday_note]:visible))",
        },
        {
            content: "Copy to Christmas week instead",
            trigger: ".modal .o_field_widget[name=target_date] input",
            run: "edit 12/21/2026 && press Enter",
        },
        {
            content: "The note names the holidays skipped",
            trigger:
                ".modal .o_field_widget[name=holiday_note]:contains(Shifts not copied: 2):contains(Jouluaatto):contains(Joulupäivä)",
        },
        {
            content: "Copy",
            trigger: ".modal-footer button[name=action_confirm]",
            run: "click",
        },
        {
            content: "The notice says what was copied and skipped",
            trigger: ".o_notification:contains(Copied 1 shifts)",
        },
    ],
});
