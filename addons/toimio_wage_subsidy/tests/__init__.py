from . import test_wage_subsidy_rules
from . import test_wage_subsidy_decision
from . import test_wage_subsidy_claims
from . import test_wage_subsidy_claim_batch
from . import test_wage_subsidy_import
from . import test_wage_subsidy_deadline
from . import test_wage_subsidy_overview
from . import test_wage_subsidy_security
from . import test_wage_subsidy_privacy_jsonrpc
from . import test_claim_submit_tour
from . import test_concurrency

from . import test_wage_subsidy_managed
