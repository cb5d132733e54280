from . import res_company
from . import res_config_settings
from . import res_partner
from . import hr_employee
from . import project_project
from . import project_task
from . import sale_order
from . import sale_order_line
from . import toimio_holiday_rule

# toimio.shift, then its extensions by concern. A later one's create and
# write run around the earlier ones: the member is notified after the planning
# check, the invoice lock and the timesheet sync have passed.
from . import toimio_shift
from . import shift_timesheet
from . import shift_rule_checks
from . import shift_member_text
from . import toimio_shift_batch
from . import toimio_engagement
from . import account_analytic_line
from . import toimio_participation_report
from . import account_move
from . import account_move_send
from . import account_edi_xml_ubl_20
from . import res_users
from . import toimio_employment_condition
from . import toimio_employment_condition_report
from . import toimio_employment_condition_order
from . import mail_privacy
