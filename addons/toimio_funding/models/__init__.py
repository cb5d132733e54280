# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from . import toimio_funding_outcome
from . import toimio_funding_agreement
from . import toimio_funding_agreement_line
from . import toimio_funding_statement
from . import toimio_funding_statement_line
from . import toimio_funding_statement_unit
from . import toimio_funding_statement_invoice
from . import toimio_funding_statement_annex
from . import toimio_funding_statement_monthly
from . import toimio_economy_report
from . import toimio_engagement
from . import hr_employee
from . import account_move
from . import toimio_employment_condition
