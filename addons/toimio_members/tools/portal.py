# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""What the Toimio portal pages share, for the ``CustomerPortal`` controllers
of the addons above (schedule, coaching plan, work requests, employment
condition reports): the route of a page, a page rendered with the portal's
layout, a document the visitor may read, and the tiles and counters that
only members (people with a person record) get.

A mixin, not a controller: each addon's controller inherits it beside
``CustomerPortal``, so it adds no route of its own."""

from odoo import http
from odoo.exceptions import AccessError, MissingError
from odoo.http import request


def portal_page(route, methods=("GET",)):
    """``http.route`` of a portal page of the logged-in visitor: an HTTP
    page (``auth="user"``, in the website's layout where it is installed),
    answering ``methods`` (a POST is CSRF-checked, as Odoo does)."""
    return http.route(
        route, type="http", auth="user", methods=list(methods), website=True
    )


class ToimioPortalMixin:
    def _toimio_render(self, template, page_name, values):
        """The page ``template`` with the portal's layout values (breadcrumbs,
        the visitor's details), ``page_name`` and ``values``."""
        page = self._prepare_portal_layout_values()
        page.update(values, page_name=page_name)
        return request.render(template, page)

    def _toimio_document(self, model_name, document_id, access_token=None):
        """The document (as superuser) if the visitor may read it, else an
        empty recordset: portal's ``_document_check_access`` (their access
        rights and record rules, or the document's access token), with the
        addons' own overrides of it."""
        try:
            return self._document_check_access(
                model_name, document_id, access_token=access_token
            )
        except (AccessError, MissingError):
            return request.env[model_name].sudo().browse()

    def _toimio_own_count(self, model_name, domain):
        """How many records of ``model_name`` of the visitor's own person
        records match ``domain`` (for a counter of the portal's home page);
        0 for a visitor without a person record (a customer's contact)."""
        employees = request.env["hr.employee"]._toimio_own_employees()
        if not employees:
            return 0
        return (
            request.env[model_name]
            .sudo()
            .search_count([("employee_id", "in", employees.ids), *domain])
        )

    def _toimio_member_tile(self, response, key):
        """Show the home page's tile ``key`` to members (visitors with a
        person record) only, not to customers' contacts."""
        response.qcontext[key] = bool(
            request.env["hr.employee"]._toimio_own_employees()
        )
        return response
