/* Copyright 2026 Toimio contributors
 * License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import {formatDateTime} from "@web/core/l10n/dates";
import {registry} from "@web/core/registry";

const {DateTime} = luxon;

// The back office of a work request, as each role does it in the browser
// (tests/test_work_request_tour.py runs them all on a phone): buttons are
// found by their names, not their labels, so the tours pass in Finnish and
// in English.

/** A form's header button (``button`` is its selector): on a phone it is
 * under the cog menu. */
function headerButton(button, content) {
    return [
        {
            content: "On a phone the form's buttons are under the cog",
            isActive: ["mobile"],
            trigger: ".o_form_view .o_cp_action_menus button:has(.fa-cog)",
            run: "click",
        },
        {
            content,
            trigger: `.o_statusbar_buttons ${button}:enabled, .dropdown-item ${button}:enabled`,
            run: "click",
        },
    ];
}

/** The form's state once the button has done its work. */
function stateIs(value) {
    return {
        content: `The record is now ${value}`,
        trigger: `.o_statusbar_status button[data-value='${value}'][aria-checked='true']`,
    };
}

/** Choose a record in a many2one field by part of its name: on a desktop
 * by typing it, on a phone in the field's dialog of records, searched by it. */
function pickMany2one(field, text, content) {
    const input = `.o_form_view .o_field_widget[name='${field}'] input`;
    return [
        {
            content: `${content}: on a phone the choices open in a dialog`,
            isActive: ["mobile"],
            trigger: input,
            run: "click",
        },
        {
            content: "Open the dialog's search",
            isActive: ["mobile"],
            trigger:
                ".modal:not(.o_inactive_modal) .o_control_panel_navigation .btn .fa-search",
            run: "click",
        },
        {
            content: `Search ${text}`,
            isActive: ["mobile"],
            trigger: ".modal:not(.o_inactive_modal) .o_searchview_input",
            run: `edit ${text}`,
        },
        {
            // As Odoo's own stepUtils do: Enter before the suggestions are
            // shown searches nothing, and the record may be off the page.
            content: "Wait for the search's suggestions",
            isActive: ["mobile"],
            trigger:
                ".modal:not(.o_inactive_modal) .dropdown-menu.o_searchview_autocomplete",
        },
        {
            content: `Search the names for ${text}`,
            isActive: ["mobile"],
            trigger: ".modal:not(.o_inactive_modal) .o_searchview_input",
            run: "press Enter",
        },
        {
            content: `Choose ${text}`,
            isActive: ["mobile"],
            trigger: `.modal:not(.o_inactive_modal) .o_kanban_record:contains('${text}')`,
            run: "click",
        },
        {
            content,
            isActive: ["desktop"],
            trigger: input,
            run: `edit ${text}`,
        },
        {
            content: `Choose ${text}`,
            isActive: ["desktop"],
            trigger: `.o-autocomplete--dropdown-item a:contains('${text}')`,
            run: "click",
        },
    ];
}

/** Today at ``hour`` o'clock, as the user types a time. */
function todayAt(hour) {
    return formatDateTime(DateTime.now().set({hour, minute: 0, second: 0}));
}

// The supervisor accepts the new request from the triage kanban.
registry.category("web_tour.tours").add("toimio_work_request_accept", {
    url: "/odoo/action-toimio_work_request.toimio_work_request_action",
    steps: () => [
        {
            content: "Open the school's new request",
            trigger: ".o_kanban_record:contains('Kaisa Koulu')",
            run: "click",
        },
        {
            content: "The request opens",
            trigger: ".o_form_view .o_field_widget[name='description']",
        },
        ...headerButton("button[name='action_accept']", "Accept it"),
        stateIs("accepted"),
        {
            content: "Accepting made the job to plan shifts on",
            trigger: ".o_form_view .o_field_widget[name='task_id'] a",
        },
    ],
});

// The supervisor plans a shift on the request's job from Today (on a phone
// the person and the job are chosen in dialogs, on a desktop by typing).
registry.category("web_tour.tours").add("toimio_work_request_plan", {
    url: "/odoo",
    steps: () => [
        {
            content: "Plan a new shift from Today",
            trigger: ".o_control_panel .o-kanban-button-new",
            run: "click",
        },
        ...pickMany2one("employee_id", "Aino Testaaja", "Who does it"),
        ...pickMany2one("task_id", "Kaisa Koulu", "The request's job"),
        {
            content: "Starts at eight today",
            trigger: ".o_form_view .o_field_widget[name='start'] input",
            run: `edit ${todayAt(8)} && press Enter`,
        },
        {
            content: "Ends at noon",
            trigger: ".o_form_view .o_field_widget[name='stop'] input",
            run: `edit ${todayAt(12)} && press Enter`,
        },
        {
            content: "Save the shift",
            trigger: ".o_form_button_save:enabled",
            run: "click",
        },
        {
            content: "The shift is planned",
            trigger: ".o_form_view .o_form_saved",
        },
        stateIs("planned"),
    ],
});

// The supervisor records the shift done on Today's card.
registry.category("web_tour.tours").add("toimio_work_request_record", {
    url: "/odoo",
    steps: () => [
        {
            content: "Record Aino's shift done",
            trigger:
                ".o_toimio_shift_kanban .o_kanban_record:contains('Aino Testaaja') button[name='action_done']",
            run: "click",
        },
        {
            content: "Recorded: the card offers Undo",
            trigger:
                ".o_toimio_shift_kanban .o_kanban_record:contains('Aino Testaaja') .o_toimio_shift_undo",
        },
    ],
});

// The administrator invoices the customer's work-request order (the test
// opens the order) and posts the invoice.
registry.category("web_tour.tours").add("toimio_work_request_invoice", {
    steps: () => [
        {
            content: "The order has the request's line",
            trigger: ".o_form_view .o_field_widget[name='order_line']",
        },
        ...headerButton("button#create_invoice", "Create the invoice"),
        {
            content: "Create it as a draft",
            trigger: ".modal button#create_invoice_open:enabled",
            run: "click",
        },
        stateIs("draft"),
        ...headerButton("button[name='action_post']", "Post the invoice"),
        stateIs("posted"),
    ],
});

// Issue 24: planning a work-trial person on a customer's hourly job warns,
// before saving, that these hours will not be invoiced.
registry.category("web_tour.tours").add("toimio_work_request_billing_warning", {
    url: "/odoo",
    steps: () => [
        {
            content: "Plan a new shift from Today",
            trigger: ".o_control_panel .o-kanban-button-new",
            run: "click",
        },
        ...pickMany2one(
            "task_id",
            "Ounasvaaran koulu",
            "The request's job, named after the unit"
        ),
        {
            content: "Starts at eight today",
            trigger: ".o_form_view .o_field_widget[name='start'] input",
            run: `edit ${todayAt(8)} && press Enter`,
        },
        {
            content: "Ends at noon",
            trigger: ".o_form_view .o_field_widget[name='stop'] input",
            run: `edit ${todayAt(12)} && press Enter`,
        },
        ...pickMany2one("employee_id", "Kaisu Kokeilija", "A person in a work trial"),
        {
            content: "The shift says the hours will not be invoiced",
            trigger:
                ".o_form_view .o_toimio_billing_warning:contains('Kaisu Kokeilija')",
        },
        {
            content: "It is a warning only: the shift can be saved",
            trigger: ".o_form_button_save:enabled",
            run: "click",
        },
        {
            content: "The shift is planned, the warning stays on it",
            trigger: ".o_form_view .o_form_saved .o_toimio_billing_warning",
        },
    ],
});

// Issue 24: the supervisor on a phone (tests/test_work_request_phone_tour.py
// runs it at 360 px). The columns in the order of the work, the estimate on
// one line, Accept in sight with feedback, Plan a shift prefilled with the
// job, and a person picker of the people in an engagement.
registry.category("web_tour.tours").add("toimio_work_request_phone_supervisor", {
    url: "/odoo/action-toimio_work_request.toimio_work_request_action",
    steps: () => [
        {
            content: "New is the first column, then Accepted, Scheduled and Done",
            trigger: ".o_kanban_renderer .o_kanban_group .o_column_title:contains(New)",
            run() {
                // A phone's column title ends with its count: "New (1)".
                const titles = [
                    ...document.querySelectorAll(".o_kanban_group .o_column_title"),
                ].map((title) => title.textContent.replace(/\(\d+\)/, "").trim());
                const order = ["New", "Accepted", "Scheduled", "Done"];
                if (order.join() !== titles.slice(0, 4).join()) {
                    throw new Error(`The columns are ${titles.join(", ")}`);
                }
            },
        },
        {
            content: "The estimate reads on one line",
            trigger: ".o_kanban_record:contains('Kaisa Koulu') div[name='estimate']",
            run() {
                const {height} = this.anchor.getBoundingClientRect();
                if (height > 40) {
                    throw new Error(`The estimate wraps (${height} px high)`);
                }
            },
        },
        {
            content: "Open the school's new request",
            trigger: ".o_kanban_record:contains('Kaisa Koulu')",
            run: "click",
        },
        {
            content: "Accept is in sight on the phone, not under the cog",
            trigger:
                ".o_form_view div[name='phone_actions'] button[name='action_accept']:visible",
            run: "click",
        },
        {
            content: "Accepting says so",
            trigger: ".o_notification:contains(is accepted)",
        },
        stateIs("accepted"),
        {
            content: "Plan a shift on the accepted request",
            trigger:
                ".o_form_view div[name='phone_actions'] button[name='action_plan_shift']:visible",
            run: "click",
        },
        {
            content: "The new shift has the request's job",
            trigger: ".o_form_view .o_field_widget[name='task_id'] input",
            run() {
                if (!this.anchor.value.includes("Kaisa Koulu")) {
                    throw new Error(`The job is "${this.anchor.value}"`);
                }
            },
        },
        {
            content: "Pick the person: the choices open in a dialog",
            trigger: ".o_form_view .o_field_widget[name='employee_id'] input",
            run: "click",
        },
        {
            content: "The people in an engagement are offered",
            trigger:
                ".modal:not(.o_inactive_modal) .o_kanban_record:contains('Eero Esimerkki')",
        },
        {
            content: "Nobody without an engagement on the day",
            trigger: ".modal:not(.o_inactive_modal) .o_kanban_renderer",
            run() {
                for (const name of ["Kalle Kokeilija", "Ville Virkailija"]) {
                    if (this.anchor.textContent.includes(name)) {
                        throw new Error(`${name} is offered`);
                    }
                }
            },
        },
        {
            content: "Choose Aino",
            trigger:
                ".modal:not(.o_inactive_modal) .o_kanban_record:contains('Aino Testaaja')",
            run: "click",
        },
        {
            content: "Save the shift",
            trigger: ".o_form_button_save:enabled",
            run: "click",
        },
        {
            content: "The shift is planned",
            trigger: ".o_form_view .o_form_saved",
        },
        stateIs("planned"),
    ],
});

// Issue 24: on a phone Capacity opens as a list of days, not an empty hour
// grid.
registry.category("web_tour.tours").add("toimio_work_request_phone_capacity", {
    url: "/odoo/action-toimio_work_request.toimio_work_capacity_action",
    steps: () => [
        {
            content: "A list of the days with the waiting hours",
            trigger: ".o_list_view .o_data_row:contains(Waiting requests)",
        },
        {
            content: "No calendar's hour grid",
            trigger: ".o_action_manager:not(:has(.o_calendar_view))",
        },
    ],
});
