/* Copyright 2026 Toimio contributors
   License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import {formatFloat, formatInteger} from "@web/views/fields/formatters";
import {registry} from "@web/core/registry";

const formatters = registry.category("formatters");

/**
 * A share already counted in percent (54.84), in the user's number format
 * with the no-break space Finnish puts before the sign: "54,84 %".
 * The pivot and graph views call a measure's widget as a formatter.
 *
 * @param {Number|false} value
 * @returns {String}
 */
export function formatToimioPercent(value) {
    if (value === false) {
        return "";
    }
    return `${formatFloat(value, {digits: [16, 2]})}\u00a0%`;
}

/**
 * A count of people or events: no decimals ("3", not "3,00"). The graph's
 * axis also asks for steps between whole numbers; those are left unlabelled.
 *
 * @param {Number|false} value
 * @returns {String}
 */
export function formatToimioCount(value) {
    if (value === false || !Number.isInteger(value)) {
        return "";
    }
    return formatInteger(value);
}

formatters.add("toimio_percent", formatToimioPercent);
formatters.add("toimio_count", formatToimioCount);
