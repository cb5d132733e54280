/* Copyright 2026 Toimio contributors
   License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import {registry} from "@web/core/registry";

/** The month before last as typed in an en_US date field (MM/DD/YYYY). */
function periodBeforeLastMonth() {
    const today = new Date();
    const start = new Date(today.getFullYear(), today.getMonth() - 2, 1);
    const end = new Date(today.getFullYear(), today.getMonth() - 1, 0);
    const typed = (day) =>
        [day.getMonth() + 1, day.getDate()]
            .map((part) => String(part).padStart(2, "0"))
            .concat(String(day.getFullYear()))
            .join("/");
    return {start: typed(start), end: typed(end)};
}

/**
 * The administrator's month with an outcome-based agreement: from the
 * demo agreement to its statements, a new statement for the month before
 * last, computed and confirmed, and its invoice to the payer posted.
 */
registry.category("web_tour.tours").add("toimio_funding_statement", {
    steps: () => {
        const period = periodBeforeLastMonth();
        return [
            {
                content: "The demo agreement with the employment area is open",
                trigger: ".o_breadcrumb:contains(tulosperusteinen valmennus)",
            },
            {
                content: "Its statements",
                trigger: "button[name=action_view_statements]",
                run: "click",
            },
            {
                content: "A new statement of the agreement",
                trigger: ".o_list_view .o_list_button_add",
                run: "click",
            },
            {
                content: "Period start",
                trigger: ".o_field_widget[name=period_start] input",
                run: `edit ${period.start}`,
            },
            {
                content: "Period end",
                trigger: ".o_field_widget[name=period_end] input",
                run: `edit ${period.end}`,
            },
            {
                content: "Compute the outcomes",
                trigger: ".o_form_view button[name=action_compute].btn-primary",
                run: "click",
            },
            {
                content: "Computed: confirm the figures",
                trigger: ".o_form_view button[name=action_confirm]",
                run: "click",
            },
            {
                content: "Create the invoice to the payer",
                trigger: ".o_form_view button[name=action_invoice]",
                run: "click",
            },
            {
                content: "The draft invoice opens",
                trigger:
                    ".o_statusbar_status .o_arrow_button_current[data-value=draft]",
            },
            {
                content: "Post it",
                trigger: ".o_form_view button[name=action_post]:enabled",
                run: "click",
            },
            {
                content: "The invoice is posted",
                trigger:
                    ".o_statusbar_status .o_arrow_button_current[data-value=posted]",
            },
        ];
    },
});
