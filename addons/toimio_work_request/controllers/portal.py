# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The customer's ordering channel: a unit's contact orders a small job on a
phone and follows it to the invoice; the purchasing contact sees all units.

Lists and pages read through the portal user's own record rules (a contact
sees their own requests, a purchasing contact the customer's); only the
display of a page's records and the creation of a checked request run as
superuser."""

import base64
import uuid
from datetime import date

from dateutil.relativedelta import relativedelta

from odoo import fields, http
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.http import request

from odoo.addons.mail.controllers.attachment import AttachmentController
from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.addons.portal.controllers.portal import pager as portal_pager
from odoo.addons.toimio_members.tools.portal import ToimioPortalMixin, portal_page

from ..models.toimio_work_request import (
    MAX_ESTIMATED_HOURS,
    MAX_FILES,
    MAX_WINDOW_DAYS,
    MIN_ESTIMATED_HOURS,
)

PAGE_SIZE = 20
# Session keys: the files of a form sent back with errors (kept for the next
# try) and the forms already sent (their request, for the browser's Back).
PENDING_KEY = "toimio_work_request_pending"
SENT_KEY = "toimio_work_request_sent"
SENT_KEPT = 10


class ToimioWorkRequestPortal(ToimioPortalMixin, CustomerPortal):
    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "toimio_work_request_count" in counters:
            Request = request.env["toimio.work.request"]
            values["toimio_work_request_count"] = (
                Request.search_count([]) if Request.has_access("read") else 0
            )
        return values

    @http.route()
    def home(self, **kw):
        """The work-request tile only for those who order or follow
        requests: a customer's contacts, not members (workers)."""
        response = super().home(**kw)
        Request = request.env["toimio.work.request"]
        response.qcontext["toimio_show_work_requests"] = self._toimio_may_order() or (
            Request.has_access("read") and bool(Request.search_count([], limit=1))
        )
        return response

    def _document_check_access(self, model_name, document_id, access_token=None):
        """A token does not bypass the unit rule: a unit's contact, logged
        in, does not open with a token an order or an invoice that holds
        another unit's work requests (they see its number and state on
        their request). Anonymous visitors' tokens are left as Odoo has
        them: a unit never gets such a document's token (the order's token
        is renewed when another unit's request is added to it, and its page
        links only invoices of its own requests)."""
        document_sudo = super()._document_check_access(
            model_name, document_id, access_token=access_token
        )
        if model_name in ("sale.order", "account.move") and self._toimio_is_unit():
            if model_name == "sale.order":
                work_requests = document_sudo.order_line.toimio_work_request_id
            else:
                work_requests = document_sudo._toimio_work_requests()
            if work_requests.partner_id - request.env.user.partner_id:
                request.env[model_name].browse(document_id).check_access("read")
        return document_sudo

    # ------------------------------------------------------------------
    # helpers
    # ------------------------------------------------------------------

    def _toimio_is_unit(self):
        """Whether the visitor is a unit's contact (a portal contact under a
        customer, not its purchasing contact)."""
        user = request.env.user
        partner = user.partner_id
        return (
            user.share
            and not user._is_public()
            and bool(partner.parent_id)
            and not partner.toimio_purchasing_contact
        )

    def _toimio_may_order(self):
        """Contacts of a customer organisation order; members (workers) and
        other portal users only see their own requests, if any."""
        partner = request.env.user.partner_id
        return bool(partner.parent_id) and not request.env.user._is_public()

    def _toimio_catalogue(self):
        """[{product, price, ...}] of the catalogue on the customer's
        pricelist: one search and one batched price computation."""
        partner = request.env.user.partner_id.sudo()
        company = request.env.user.company_id
        products = (
            request.env["product.product"]
            .sudo()
            .with_company(company)
            .search(
                [
                    ("toimio_request_catalogue", "=", True),
                    ("sale_ok", "=", True),
                    ("company_id", "in", (False, company.id)),
                ],
                order="name",
            )
        )
        pricelist = partner.commercial_partner_id.with_company(
            company
        ).property_product_pricelist
        prices = pricelist._get_products_price(products, 1.0) if pricelist else {}
        currency = pricelist.currency_id if pricelist else company.currency_id
        hour = request.env.ref("uom.product_uom_hour", raise_if_not_found=False)
        unit = request.env.ref("uom.product_uom_unit", raise_if_not_found=False)
        per = {
            hour: request.env._("hour"),
            unit: request.env._("piece"),
        }
        return [
            {
                "product": product,
                "price": prices.get(product.id, product.lst_price),
                "currency": currency,
                "unit": per.get(product.uom_id) or product.uom_id.name,
                "skills": product.toimio_skill_ids.mapped("name"),
            }
            for product in products
        ]

    def _toimio_validate(self, post, files, kept=0):
        """{field: message} of what is wrong in the order form."""
        env = request.env
        errors = {}
        catalogue = {str(item["product"].id) for item in self._toimio_catalogue()}
        if post.get("product_id") not in catalogue:
            errors["product_id"] = env._("Choose the service you are ordering.")
        description = (post.get("description") or "").strip()
        if not description:
            errors["description"] = env._("Tell us in a few words what should be done.")
        errors.update(self._toimio_validate_lengths(post))
        hours = post.get("estimated_hours")
        if hours:
            try:
                hours = float(hours.replace(",", "."))
            except ValueError:
                hours = -1
            if not MIN_ESTIMATED_HOURS <= hours <= MAX_ESTIMATED_HOURS:
                errors["estimated_hours"] = env._(
                    "Give the estimate in hours, between 0.5 and 500, "
                    "or leave it empty."
                )
        partner = env.user.partner_id
        customer = partner.commercial_partner_id.sudo()
        reference = (post.get("buyer_reference") or "").strip()
        if customer.toimio_invoice_per_buyer_reference and not reference:
            errors["buyer_reference"] = env._(
                "Give your unit's buyer reference (cost centre) for the invoice."
            )
        elif "buyer_reference" not in errors:
            error = env["toimio.work.request"]._toimio_buyer_reference_error(
                partner, reference
            )
            if error:
                errors["buyer_reference"] = error
        errors.update(self._toimio_validate_dates(post))
        errors.update(self._toimio_validate_files(files, kept))
        return errors

    def _toimio_validate_lengths(self, post):
        """The model's length limits (the inputs' maxlength), said beside
        the field."""
        env = request.env
        errors = {}
        for name, limit in env["toimio.work.request"]._toimio_text_limits().items():
            length = len((post.get(name) or "").strip())
            if length > limit:
                errors[name] = env._(
                    "Too long: %(length)s characters, at most %(max)s.",
                    length=length,
                    max=limit,
                )
        return errors

    def _toimio_validate_dates(self, post):
        env = request.env
        errors, dates = {}, {}
        for name in ("date_from", "date_to"):
            if post.get(name):
                try:
                    dates[name] = fields.Date.to_date(post[name])
                except ValueError:
                    errors[name] = env._("Give the date as day.month.year.")
        start, end = dates.get("date_from"), dates.get("date_to")
        today = fields.Date.context_today(env.user)
        if start and start < today:
            errors["date_from"] = env._("The first preferred day is in the past.")
        if end and end < today:
            errors["date_to"] = env._("The last preferred day is in the past.")
        elif start and end and end < start:
            errors["date_to"] = env._(
                "The last preferred day is before the first one. Correct the dates."
            )
        elif start and end and (end - start).days + 1 > MAX_WINDOW_DAYS:
            errors["date_to"] = env._(
                "The preferred period is longer than a year (at most %(max)s "
                "days). Order recurring work as a contract: contact the "
                "cooperative.",
                max=MAX_WINDOW_DAYS,
            )
        return errors

    def _toimio_validate_files(self, files, kept=0):
        """Photos and PDFs only (by their content, not their name), at most
        MAX_FILES of at most 5 MB each, counting the ``kept`` files of an
        earlier try."""
        env = request.env
        if len(files) + kept > MAX_FILES:
            return {
                "attachments": env._("Attach at most %(max)s files.", max=MAX_FILES)
            }
        Request = env["toimio.work.request"]
        for upload in files:
            content = upload.read()
            upload.seek(0)
            error = Request._toimio_file_error(upload.filename, content)
            if error:
                return {"attachments": error}
        return {}

    def _toimio_invoice_links(self, work_requests):
        """Ids of the requests' invoices the user may open: the same record
        rules as /my/invoices (a unit's contact not an invoice holding other
        units' requests; the purchasing contact every invoice of the
        customer). The others are shown by number and state only."""
        invoices = work_requests.sudo().invoice_ids
        if not invoices:
            return set()
        return set(request.env["account.move"].search([("id", "in", invoices.ids)]).ids)

    def _toimio_order_attachments(self, work_request):
        """The files the customer sent with the order, listed with a token
        on the request's page. Not the files of messages (those of the
        messages the customer sees are in the thread; those of the
        cooperative's internal notes are the cooperative's) nor the files
        the cooperative attached in the back office."""
        return (
            request.env["ir.attachment"]
            .sudo()
            .search(
                [
                    ("res_model", "=", work_request._name),
                    ("res_id", "=", work_request.id),
                    ("create_uid.share", "=", True),
                    (
                        "id",
                        "not in",
                        work_request.sudo().message_ids.attachment_ids.ids,
                    ),
                ]
            )
        )

    def _toimio_pending_attachments(self, ids=None):
        """The files of this visitor's earlier try of the order form that are
        still waiting for their request: only those the session holds (and
        among them ``ids`` when given), never another visitor's."""
        held = request.session.get(PENDING_KEY) or []
        if ids is not None:
            held = [i for i in held if i in ids]
        Attachment = request.env["ir.attachment"].sudo()
        if not held:
            return Attachment
        return Attachment.search(
            [
                ("id", "in", held),
                ("res_model", "=", "toimio.work.request"),
                ("res_id", "=", 0),
                ("create_uid", "=", request.env.uid),
            ]
        )

    def _toimio_keep_files(self, kept, files):
        """A form with errors: its valid files are saved, not yet on any
        request, so that the next try needs not attach them again."""
        new = request.env["ir.attachment"].sudo()
        if files:
            new = (
                request.env["ir.attachment"]
                .sudo()
                .create(
                    [
                        {
                            "name": upload.filename,
                            "datas": base64.b64encode(upload.read()),
                            "res_model": "toimio.work.request",
                            "res_id": 0,
                        }
                        for upload in files
                    ]
                )
            )
        pending = kept | new
        request.session[PENDING_KEY] = pending.ids
        return pending

    def _toimio_form_values(self, post=None, errors=None, pending=None, form_key=""):
        values = self._prepare_portal_layout_values()
        partner = request.env.user.partner_id
        values.update(
            {
                "page_name": "toimio_work_request_new",
                "catalogue": self._toimio_catalogue(),
                "may_order": self._toimio_may_order(),
                "post": post
                or {
                    "buyer_reference": partner.sudo().toimio_buyer_reference or "",
                    "site_address": partner.sudo()._toimio_own_address(),
                },
                "errors": errors or {},
                "max_files": MAX_FILES,
                "pending_attachments": pending
                if pending is not None
                else request.env["ir.attachment"].sudo(),
                "form_key": form_key or (post or {}).get("form_key") or "",
            }
        )
        return values

    def _toimio_render_form(self, values):
        """The form is never taken from the browser's cache: Back after
        sending asks the server again, which sends to the request."""
        response = request.render("toimio_work_request.portal_new_work_request", values)
        response.headers["Cache-Control"] = "no-store"
        return response

    # ------------------------------------------------------------------
    # routes
    # ------------------------------------------------------------------

    @portal_page(["/my/work-requests", "/my/work-requests/page/<int:page>"])
    def portal_my_work_requests(self, page=1, **kw):
        Request = request.env["toimio.work.request"]
        total = Request.search_count([]) if Request.has_access("read") else 0
        pager = portal_pager(
            url="/my/work-requests", total=total, page=page, step=PAGE_SIZE
        )
        requests = (
            Request.search([], limit=PAGE_SIZE, offset=pager["offset"])
            if total
            else Request
        )
        return self._toimio_render(
            "toimio_work_request.portal_my_work_requests",
            "toimio_work_requests",
            {
                "work_requests": requests.sudo(),
                "invoice_links": self._toimio_invoice_links(requests),
                "pager": pager,
                "may_order": self._toimio_may_order(),
                "is_purchasing": request.env.user.partner_id.toimio_purchasing_contact,
                "message": kw.get("message"),
            },
        )

    @portal_page("/my/work-requests/new", methods=("GET", "POST"))
    def portal_new_work_request(self, form_key=None, **post):
        if request.httprequest.method == "GET":
            # Each opening of the form has its own key (in the address): when
            # the form was sent, the browser's Back to it shows the request.
            if not form_key:
                return request.redirect(
                    f"/my/work-requests/new?form_key={uuid.uuid4().hex}", code=303
                )
            sent = (request.session.get(SENT_KEY) or {}).get(form_key)
            if sent:
                return request.redirect(f"/my/work-requests/{sent}", code=303)
            return self._toimio_render_form(self._toimio_form_values(form_key=form_key))
        if not self._toimio_may_order():
            raise AccessError(request.env._("Only customers' contacts order work."))
        post["form_key"] = form_key or ""
        files = [
            upload
            for upload in request.httprequest.files.getlist("attachments")
            if upload.filename
        ]
        kept_ids = [
            int(value)
            for value in request.httprequest.form.getlist("pending_attachment_ids")
            if value.isdigit()
        ]
        kept = self._toimio_pending_attachments(kept_ids)
        errors = self._toimio_validate(post, files, kept=len(kept))
        if errors:
            # The files are kept unless they are what is wrong (then the
            # field's message says to attach them again).
            pending = (
                self._toimio_keep_files(kept, [])
                if "attachments" in errors
                else self._toimio_keep_files(kept, files)
            )
            return self._toimio_render_form(
                self._toimio_form_values(post, errors, pending)
            )
        partner = request.env.user.partner_id
        hours = (post.get("estimated_hours") or "").replace(",", ".")
        try:
            work_request = (
                request.env["toimio.work.request"]
                .sudo()
                .with_company(request.env.user.company_id)
                .create(
                    {
                        "partner_id": partner.id,
                        "company_id": request.env.user.company_id.id,
                        "product_id": int(post["product_id"]),
                        "description": post["description"].strip(),
                        "site_address": (post.get("site_address") or "").strip(),
                        "date_from": post.get("date_from") or False,
                        "date_to": post.get("date_to") or False,
                        "estimated_hours": float(hours) if hours else 0.0,
                        "buyer_reference": (post.get("buyer_reference") or "").strip()
                        or False,
                    }
                )
            )
        except (UserError, ValidationError) as error:
            return self._toimio_render_form(
                self._toimio_form_values(
                    post, {"form": str(error)}, self._toimio_keep_files(kept, files)
                )
            )
        if files:
            request.env["ir.attachment"].sudo().create(
                [
                    {
                        "name": upload.filename,
                        "datas": base64.b64encode(upload.read()),
                        "res_model": work_request._name,
                        "res_id": work_request.id,
                    }
                    for upload in files
                ]
            )
        kept.write({"res_id": work_request.id})
        # The files of an earlier try that were taken off the form go.
        self._toimio_pending_attachments().unlink()
        request.session.pop(PENDING_KEY, None)
        if form_key:
            sent = dict(request.session.get(SENT_KEY) or {})
            sent[form_key] = work_request.id
            request.session[SENT_KEY] = dict(list(sent.items())[-SENT_KEPT:])
        return request.redirect(f"/my/work-requests/{work_request.id}?message=sent")

    @portal_page("/my/work-requests/<int:request_id>")
    def portal_work_request(self, request_id, access_token=None, **kw):
        work_request = self._toimio_document(
            "toimio.work.request", request_id, access_token
        )
        if not work_request:
            return request.redirect("/my")
        attachments = self._toimio_order_attachments(work_request)
        attachments.generate_access_token()
        return self._toimio_render(
            "toimio_work_request.portal_work_request",
            "toimio_work_request",
            {
                "work_request": work_request,
                "shifts": work_request._toimio_portal_shifts(),
                "invoice_links": self._toimio_invoice_links(work_request),
                "attachments": attachments,
                "object": work_request,
                "message": kw.get("message"),
                "cancellable": work_request.state in ("new", "accepted"),
            },
        )

    @portal_page("/my/work-requests/<int:request_id>/cancel")
    def portal_confirm_cancel_work_request(self, request_id, **kw):
        """Are you sure? A page of its own (no script needed): what is
        cancelled, who is told, and the two ways on."""
        work_request = self._toimio_document("toimio.work.request", request_id)
        if not work_request:
            return request.redirect("/my")
        if work_request.state not in ("new", "accepted"):
            return request.redirect(f"/my/work-requests/{request_id}?message=late")
        return self._toimio_render(
            "toimio_work_request.portal_work_request_cancel",
            "toimio_work_request_cancel",
            {
                "work_request": work_request,
                "for_other": work_request.partner_id != request.env.user.partner_id,
            },
        )

    @portal_page("/my/work-requests/<int:request_id>/cancel", methods=("POST",))
    def portal_cancel_work_request(self, request_id, **kw):
        if not self._toimio_document("toimio.work.request", request_id):
            return request.redirect("/my")
        # Cancelled as the visitor (the request's messages are theirs).
        work_request = request.env["toimio.work.request"].browse(request_id)
        try:
            work_request.sudo().action_cancel()
        except UserError:
            return request.redirect(f"/my/work-requests/{request_id}?message=late")
        return request.redirect(f"/my/work-requests/{request_id}?message=cancelled")

    @portal_page("/my/work-requests/impact")
    def portal_work_request_impact(self, date_from=None, date_to=None, **kw):
        """The customer impact statement of toimio_jobs, for the
        customer's purchasing contact: hours by target group and the number
        of people in a period. Counts only, never names."""
        partner = request.env.user.partner_id
        if not partner.toimio_purchasing_contact:
            return request.redirect("/my/work-requests")
        today = fields.Date.context_today(request.env.user)
        try:
            start = fields.Date.to_date(date_from) or date(today.year, 1, 1)
            end = fields.Date.to_date(date_to) or date(today.year, 12, 31)
        except ValueError:
            start, end = date(today.year, 1, 1), date(today.year, 12, 31)
        if end < start:
            start, end = end, start
        values = {
            "customer": partner.commercial_partner_id,
            "date_from": start,
            "date_to": end,
        }
        period_error = self._toimio_impact_period_error(start, end)
        if period_error:
            # No figures: a day's or a week's hours, or the difference of two
            # periods a few days apart, name the people who worked then.
            values["period_error"] = period_error
            return self._toimio_render_impact(values)
        company = request.env.user.company_id
        # The statement runs as superuser for this one customer: the portal
        # contact reads only its counts.
        wizard = (
            request.env["toimio.customer.impact.wizard"]
            .sudo()
            .with_company(company)
            .with_context(allowed_company_ids=company.ids)
            .create(
                {
                    "partner_id": partner.commercial_partner_id.id,
                    "company_id": company.id,
                    "date_from": start,
                    "date_to": end,
                }
            )
        )
        wizard.action_compute()
        groups = dict(
            wizard.line_ids._fields["target_group"]._description_selection(request.env)
        )
        # The target groups only, each shown only when enough people did its
        # hours (toimio_jobs' small-cell rule); a row or the total that
        # is not shown has no figures here at all.
        rows = [
            {
                "group": groups.get(line.target_group, request.env._("Not known")),
                "hours": line.hours,
                "people": line.people,
                "suppression": line.suppression,
            }
            for line in wizard.line_ids.filtered("is_subtotal").sorted(
                lambda line: line._toimio_sort_key()
            )
        ]
        values.update(
            {
                "rows": rows,
                "total_hours": wizard.total_hours,
                "total_people": wizard.total_people,
                "total_suppression": wizard.total_suppression,
                "min_people": wizard.min_people,
            }
        )
        return self._toimio_render_impact(values)

    def _toimio_render_impact(self, values):
        return self._toimio_render(
            "toimio_work_request.portal_work_request_impact",
            "toimio_work_request_impact",
            values,
        )

    @staticmethod
    def _toimio_impact_period_error(start, end):
        """Why the period cannot be shown on the portal, or None: it must be
        whole calendar months, so at least one ("short", "months")."""
        if end < start + relativedelta(months=1, days=-1):
            return "short"
        if start.day != 1 or (end + relativedelta(days=1)).day != 1:
            return "months"
        return None


class ToimioWorkRequestAttachment(AttachmentController):
    @http.route()
    def mail_attachment_upload(
        self, ufile, thread_id, thread_model, is_pending=False, **kwargs
    ):
        """A customer's file in a request's thread obeys the order form's
        rules (photos and PDFs of at most 5 MB, by their content). The
        cooperative's own files in the back office are not limited."""
        if thread_model == "toimio.work.request" and request.env.user.share:
            content = ufile.read()
            ufile.seek(0)
            error = request.env["toimio.work.request"]._toimio_file_error(
                ufile.filename, content
            )
            if error:
                return request.make_json_response({"error": error})
        return super().mail_attachment_upload(
            ufile, thread_id, thread_model, is_pending=is_pending, **kwargs
        )
