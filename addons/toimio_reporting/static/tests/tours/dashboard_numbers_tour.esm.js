/* Copyright 2026 Toimio contributors
   License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import {registry} from "@web/core/registry";

const formatters = registry.category("formatters");

/**
 * The dashboard in Finnish: the absence rate reads "54,84 %" and counts of
 * people or transitions have no decimals.
 */
registry.category("web_tour.tours").add("toimio_dashboard_numbers", {
    url: "/odoo/action-toimio_reporting.toimio_dashboard_action",
    steps: () => [
        {
            content: "The hours of this month show the absence rate in percent",
            trigger: ".o_pivot td.o_pivot_cell_value:contains(%)",
            run() {
                const cells = [
                    ...document.querySelectorAll(".o_pivot td.o_pivot_cell_value"),
                ].filter((cell) => cell.textContent.includes("%"));
                for (const cell of cells) {
                    const text = cell.textContent.trim();
                    if (!/^\d+,\d{2}\u00a0%$/.test(text)) {
                        throw new Error(`Absence rate "${text}" is not Finnish`);
                    }
                }
            },
        },
        {
            content: "People and transitions are counted without decimals",
            trigger: ".o_graph_renderer canvas",
            run() {
                const count = formatters.get("toimio_count");
                const shown = [count(3), count(0.5), count(false)];
                if (JSON.stringify(shown) !== JSON.stringify(["3", "", ""])) {
                    throw new Error(`Counts shown as ${shown}`);
                }
            },
        },
    ],
});
