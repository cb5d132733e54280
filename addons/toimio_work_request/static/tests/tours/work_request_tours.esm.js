/* Copyright 2026 Toimio contributors
 * License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import {registry} from "@web/core/registry";

// A unit's contact orders a job on a phone (the test runs at 360 px).
registry.category("web_tour.tours").add("toimio_work_request_order", {
    url: "/my/work-requests",
    steps: () => [
        {
            content: "Open the order form",
            trigger: "a[href='/my/work-requests/new']",
            run: "click",
        },
        {
            content: "Choose the service from the catalogue",
            trigger: "label.btn:contains('Siivous (tunti)')",
            run: "click",
        },
        {
            content: "Say what should be done",
            trigger: "textarea[name='description']",
            run: "edit Liikuntasalin lattian pesu",
        },
        {
            content: "Estimate the hours the Finnish way",
            trigger: "input[name='estimated_hours']",
            run: "edit 4,0",
        },
        {
            content: "Send the order",
            trigger: "button[type='submit']:contains('Lähetä tilaus')",
            run: "click",
        },
        {
            content: "The order is sent",
            trigger: ".alert-success:contains('Tilauksesi on lähetetty')",
        },
    ],
});

// The same contact sees the request invoiced, with its invoice.
registry.category("web_tour.tours").add("toimio_work_request_invoiced", {
    url: "/my/work-requests",
    steps: () => [
        {
            content: "The invoice of the request is linked in the list",
            trigger: ".o_toimio_work_requests a[href*='/my/invoices/']",
        },
        {
            content: "Open the request",
            trigger: ".o_toimio_work_requests h2 a",
            run: "click",
        },
        {
            content: "Its page shows the done shift and the invoice",
            trigger:
                ".o_toimio_work_request:contains('(tehty)') a[href*='/my/invoices/']",
        },
    ],
});

// Issue 24: the worker sees on their phone where to go (the request's
// "Missä?"), the job in plain words and what the unit asked for, no codes.
registry.category("web_tour.tours").add("toimio_work_request_worker_schedule", {
    url: "/my/schedule",
    steps: () => [
        {
            content: "The job in plain words",
            trigger:
                ".o_toimio_schedule :contains('Siivous (tunti) – Ounasvaaran koulu')",
        },
        {
            content: "The place is the request's site, with a map link",
            trigger:
                ".o_toimio_schedule a[href*='openstreetmap']:contains('Ounasvaarantie 2, pääovi')",
        },
        {
            content: "What the unit asked for",
            trigger:
                ".o_toimio_schedule .o_toimio_shift_instructions:contains('Portaat auki lumesta')",
            run() {
                const text = document.querySelector(".o_toimio_schedule").innerText;
                if (/TP-\d/.test(text) || text.includes("Hallituskatu")) {
                    throw new Error("The schedule shows a code or the head office");
                }
            },
        },
    ],
});
