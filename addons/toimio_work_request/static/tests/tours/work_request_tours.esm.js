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

// Issue 24: the breadcrumbs lead back, and the browser's Back after sending
// shows the request, not an empty form (a phone, 360 px).
registry.category("web_tour.tours").add("toimio_work_request_back", {
    url: "/my/work-requests",
    steps: () => [
        {
            content: "The list's breadcrumbs: home › Työtilaukset",
            trigger:
                ".o_portal_submenu li[aria-current='page']:contains('Työtilaukset')",
        },
        {
            content: "Open the order form",
            trigger: "a[href='/my/work-requests/new']",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The form's breadcrumbs lead back to the list",
            trigger: ".o_portal_submenu a[href='/my/work-requests']",
        },
        {
            content: "Choose the service",
            trigger: "label.btn:contains('Siivous (tunti)')",
            run: "click",
        },
        {
            content: "Say what should be done",
            trigger: "textarea[name='description']",
            run: "edit Pyörätelineiden lumityöt",
        },
        {
            content: "Send the order",
            trigger: "button[type='submit']:contains('Lähetä tilaus')",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The order is sent; its breadcrumbs name it",
            trigger: ".alert-success:contains('Tilauksesi on lähetetty')",
        },
        {
            content: "The browser's Back",
            trigger: ".o_portal_submenu li[aria-current='page']:contains('TP-')",
            run() {
                history.back();
            },
            expectUnloadPage: true,
        },
        {
            content: "Back shows the request again, not an empty form",
            trigger:
                ".o_toimio_work_request:contains('Pyörätelineiden lumityöt'):not(:has(.alert-success))",
        },
    ],
});

// Issue 24: "Peru tilaus" asks first, with plain links and buttons.
registry.category("web_tour.tours").add("toimio_work_request_cancel", {
    steps: () => [
        {
            content: "Ask to cancel",
            trigger: ".o_toimio_work_request a:contains('Peru tilaus')",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The page asks first; nothing is cancelled yet",
            trigger: ".o_toimio_work_request_cancel h1:contains('Perutaanko tilaus?')",
        },
        {
            content: "Confirm",
            trigger: "button:contains('Kyllä, peru tilaus')",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The request is cancelled",
            trigger: ".alert-success:contains('Tilaus on peruttu.')",
        },
    ],
});

// Issue 24: Odoo's own portal scripts (the chatter) speak the reader's
// language: "Keskustelu on tyhjä.", not "The conversation is empty.".
registry.category("web_tour.tours").add("toimio_work_request_finnish_chatter", {
    steps: () => [
        {
            content: "The page says its language",
            trigger: "html[lang='fi-FI'] .o_toimio_work_request",
        },
        {
            content: "The empty thread is said in Finnish",
            trigger:
                "#chatterRoot:shadow .o-mail-Thread:contains('Keskustelu on tyhjä.')",
        },
    ],
});
