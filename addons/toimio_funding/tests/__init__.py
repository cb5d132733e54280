# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from . import test_funding_outcomes
from . import test_funding_statement
from . import test_funding_invoice
from . import test_funding_annex
from . import test_funding_monthly
from . import test_funding_security
from . import test_funding_tour
from . import test_funding_reference_access
from . import test_concurrency
from . import test_funding_managed
from . import test_read_only_paths
from . import test_figures_agree
