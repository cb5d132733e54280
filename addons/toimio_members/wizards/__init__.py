from . import toimio_engagement_end_wizard
from . import toimio_target_group_wizard
from . import toimio_wage_subsidy_claim_submit_wizard
from . import toimio_wage_subsidy_claim_pay_wizard
from . import toimio_wage_subsidy_claim_reject_wizard
from . import toimio_wage_subsidy_pay_import_wizard
