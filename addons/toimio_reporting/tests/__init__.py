from . import test_hours_report
from . import test_transition_report
from . import test_funder_indicators
from . import test_customer_impact
from . import test_people_report
from . import test_economy_report
from . import test_reporting_security
from . import test_reporting_jsonrpc
