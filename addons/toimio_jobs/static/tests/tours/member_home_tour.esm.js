/* Copyright 2026 Toimio contributors
   License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import {registry} from "@web/core/registry";

function visibleCards() {
    return [...document.querySelectorAll(".o_portal_index_card")].filter(
        (card) => card.getClientRects().length
    );
}

/**
 * A member's /my: their schedule comes first, and no orders or invoices
 * cards when they have none.
 */
registry.category("web_tour.tours").add("toimio_member_home", {
    url: "/my",
    steps: () => [
        {
            content: "The counters are loaded",
            trigger: ".o_portal_docs:not(:has(.o_portal_doc_spinner))",
        },
        {
            content: "The schedule is the first card",
            trigger: ".o_portal_index_card a[href='/my/schedule']",
            run() {
                const cards = visibleCards();
                const top = (card) => card.getBoundingClientRect().top;
                const schedule = this.anchor.closest(".o_portal_index_card");
                if (cards.some((card) => top(card) < top(schedule))) {
                    throw new Error("A card comes before the schedule");
                }
                const hrefs = cards.map((card) => card.querySelector("a").pathname);
                for (const path of ["/my/orders", "/my/invoices"]) {
                    if (hrefs.includes(path)) {
                        throw new Error(`${path} is shown to a member with none`);
                    }
                }
            },
        },
    ],
});
