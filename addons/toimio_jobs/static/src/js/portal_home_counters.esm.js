/* Copyright 2026 Toimio contributors
   License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import {PortalHomeCounters} from "@portal/js/portal";

/**
 * Sale and Account always show the orders and invoices cards on /my, even
 * when there are none: a member who works shifts has no orders or invoices,
 * so these cards show, like every other card, only when their count is not 0.
 */
PortalHomeCounters.include({
    _getCountersAlwaysDisplayed() {
        return this._super(...arguments).filter(
            (name) => !["order_count", "invoice_count"].includes(name)
        );
    },
});
