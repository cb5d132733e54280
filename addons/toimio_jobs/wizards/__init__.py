from . import toimio_shift_absence_wizard
from . import toimio_shift_repeat_wizard
from . import toimio_shift_copy_week_wizard
from . import toimio_holiday_wizard
from . import toimio_report_wizard_mixin
from . import toimio_customer_impact_wizard
from . import toimio_customer_impact_line
