from . import toimio_report_wizard_mixin
from . import toimio_funder_indicator_wizard
from . import toimio_funder_indicator_line
from . import toimio_customer_impact_wizard
from . import toimio_customer_impact_line
