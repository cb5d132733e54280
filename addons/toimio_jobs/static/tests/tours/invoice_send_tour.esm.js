/* Copyright 2026 Toimio contributors
   License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import {registry} from "@web/core/registry";

/**
 * "Send" on a posted invoice of a cooperative not registered on Peppol:
 * e-mail with the e-invoice (UBL) attached, no Peppol activation. On a
 * phone the form's Send is under the cog.
 */
registry.category("web_tour.tours").add("toimio_invoice_send", {
    steps: () => [
        {
            content: "On a phone the form's buttons are under the cog",
            isActive: ["mobile"],
            trigger: ".o_form_view .o_cp_action_menus button:has(.fa-cog)",
            run: "click",
        },
        {
            content: "Send the posted invoice",
            trigger:
                ".o_form_statusbar button[name=action_invoice_sent]:visible, .dropdown-item button[name=action_invoice_sent]:visible",
            run: "click",
        },
        {
            content: "E-mail is the sending method, Peppol is not proposed",
            trigger: ".modal [name=sending_method_checkboxes]:contains(Email)",
            run() {
                const modal = this.anchor.closest(".modal");
                const checked = [...this.anchor.querySelectorAll("input:checked")].map(
                    (input) => input.closest("div").textContent.trim()
                );
                if (checked.length !== 1 || !checked[0].includes("Email")) {
                    throw new Error(`Sending methods chosen: ${checked}`);
                }
                if (/Peppol/.test(this.anchor.textContent)) {
                    throw new Error("Peppol is offered before the company registered");
                }
                if (modal.querySelector(".o_peppol_registration, [name=peppol_eas]")) {
                    throw new Error("The Peppol activation opened");
                }
            },
        },
        {
            content: "The e-mail carries the UBL file",
            trigger: ".modal [name=mail_attachments_widget]:contains(.xml)",
        },
        {
            content: "Send",
            trigger: ".modal-footer button.o_mail_send:visible",
            run: "click",
        },
        {
            // Wait for the server's answer: a step that only checks the form
            // let the tour end before the send reached the server (CI).
            content: "Sent: the wizard is closed and the chatter has the e-invoice",
            trigger:
                "body:not(:has(.modal)) .o-mail-Chatter .o-mail-Message .o-mail-AttachmentCard[title$='.xml']",
        },
    ],
});
