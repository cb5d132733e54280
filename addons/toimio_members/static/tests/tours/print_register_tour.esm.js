/* Copyright 2026 Toimio contributors
   License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import {download} from "@web/core/network/download";
import {registry} from "@web/core/registry";

/**
 * "Print register" in the register list's header downloads the register
 * (the usage guide's first button), without a traceback; on a phone it is
 * in the menu next to New.
 */
registry.category("web_tour.tours").add("toimio_print_register", {
    url: "/odoo/action-toimio_members.toimio_membership_action_register",
    steps: () => [
        {
            content: "The register lists the members",
            trigger: ".o_list_view .o_data_row:contains(Aino Mäkelä)",
            run() {
                // Note the file the browser receives instead of saving it.
                const original = download._download;
                download._download = async (options) => {
                    download._download = original;
                    try {
                        const result = await original(options);
                        document.body.dataset.toimioDownload = "received";
                        return result;
                    } catch (error) {
                        document.body.dataset.toimioDownload = "failed";
                        throw error;
                    }
                };
            },
        },
        {
            content: "On a phone the button is under the menu next to New",
            isActive: ["mobile"],
            trigger: "button.o_control_panel_collapsed_create.dropdown-toggle",
            run: "click",
        },
        {
            content: "Print the register",
            trigger: "button[name=action_print_register]",
            run: "click",
        },
        {
            content: "The register is downloaded",
            trigger: "body[data-toimio-download=received]",
        },
        {
            content: "No error",
            trigger: "body:not(:has(.o_error_dialog))",
        },
    ],
});
